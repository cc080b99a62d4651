package minutebook

import "testing"

func TestDecisionValidateAndSentence(t *testing.T) {
	d := &Decision{Kind: " noted", Text: "the update"}
	if err := d.Validate(DefaultDecisionVocabulary); err != nil {
		t.Fatal(err)
	}
	if got, want := DecisionSentence("OPSG", *d), "The OPSG NOTED the update."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := (&Decision{Kind: "ENDORSED", Text: "x"}).Validate(DefaultDecisionVocabulary); ErrorFields(err)["kind"] == "" {
		t.Error("a word outside the vocabulary was accepted")
	}
}
