package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// pasteAllowed dispatches a paste into every password field of the page,
// as a password manager or a person pasting would, and reports the fields
// whose paste a script refused, and those without an autocomplete hint.
const pasteAllowed = `[...document.querySelectorAll('input[type=password]')].flatMap(el => {
	const data = new DataTransfer();
	data.setData('text/plain', 'pasted secret');
	const ev = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
	const refused = !el.dispatchEvent(ev) || el.hasAttribute('onpaste');
	const hint = el.getAttribute('autocomplete') || '';
	return (refused ? [el.id + ': paste refused'] : []).concat(hint === '' || hint === 'off' ? [el.id + ': no autocomplete hint'] : []);
}).join('; ')`

// TestBrowserPasswordFieldsAcceptPaste is WCAG 2.2's 3.3.8: signing in and
// changing a password never stop a person pasting (or a password manager
// filling) the password. Nothing in minutebook blocks paste today; this
// keeps it so. The person then signs in with a pasted password.
func TestBrowserPasswordFieldsAcceptPaste(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	var signIn, account, passwords string
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/sign-in"),
		chromedp.WaitVisible(`[data-testid="sign-in-form"]`, chromedp.ByQuery),
		chromedp.Evaluate(pasteAllowed, &signIn),
		chromedp.Evaluate(`document.querySelectorAll('input[type=password]').length + ''`, &passwords),
		chromedp.SendKeys(`#f-email`, a.emails["member"], chromedp.ByQuery),
		chromedp.Focus(`#f-password`, chromedp.ByQuery),
		// What a paste puts into the field, through the same input path.
		chromedp.Evaluate(`document.execCommand('insertText', false, `+"`"+testPassword+"`"+`)`, nil),
		chromedp.Submit(`#f-password`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="sign-out"]`, chromedp.ByQuery),
		chromedp.Navigate(a.srv.URL+"/account"),
		chromedp.WaitVisible(`[data-testid="password-form"]`, chromedp.ByQuery),
		chromedp.Evaluate(pasteAllowed, &account),
	)
	if passwords != "1" {
		t.Errorf("the sign-in page has %s password fields, want 1", passwords)
	}
	for page, problems := range map[string]string{"sign-in": signIn, "account": account} {
		if strings.TrimSpace(problems) != "" {
			t.Errorf("%s page: %s", page, problems)
		}
	}
}
