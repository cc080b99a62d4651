package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// opsg101Minutes are the minutes of the reporting meeting before the demo's
// first, as a secretariat adopting minutebook would have them in a word
// processor: the demo imports them, so that the committee's history starts
// with an imported draft and its actions outstanding table enters OPSG
// 100/03 in the register.
const opsg101Minutes = `This document is classified as **Clear** in accordance with the Panel Information Policy. Recipients can distribute this information to the world, there is no limit on disclosure. Information may be shared without restriction subject to copyright.

Operations Group Reporting Meeting 101

22 August 2023, 13:00 – 14:30

Teleconference

OPSG_101_2308 – Final Minutes

Attendees:

Category	Operations Group Members
Operations Group Chair	Dave Warner
Large Suppliers	Kevin Donnelly
	Laurence Cross
Other SEC Parties	Martin Christie

Representing	Other Participants
DCC	Danielle Jackson
	Val Cumberland
SECAS	Sarah Roebel
	Eugene Asante

Apologies:

Representing	Name
Network Parties	Shuba Khatun

1. Previous Meeting Minutes

The Chair invited members to comment on the Draft Minutes from OPSG 100. The **OPSG APPROVED** the minutes from OPSG 100 as final.

2. Actions Outstanding

SECAS presented the actions outstanding.

Action Ref.	Action	Date Raised	Last Target Date	Revised Target Date	Owner
OPSG 100/03	The DCC to share its BCDR test schedule for 2023/24 with the OPSG.	11/07/2023	31/08/2023		DCC
Status: Open

The OPSG **NOTED** the update.

3. SEC Panel Reports – July 2023

SECAS presented the RDP Incidents report for July 2023. Two Incidents remained open at the end of the month.

The OPSG **NOTED** the SEC Panel Reports.

Next Main Meeting: 12 September 2023; Next Reporting Meeting: 25 September 2023
`

// imports brings OPSG 101 in as the secretariat would, through the same
// import the command line and the browser use.
func (l *loader) imports(ctx context.Context) error {
	sec, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	opsg, err := l.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		return err
	}
	// Read in the committee's decision words, as the import page does.
	doc, err := minutesimport.Parse(strings.NewReader(opsg101Minutes), "opsg-101-final-minutes.txt",
		minutesimport.Options{Committee: opsg.Code, DecisionWords: opsg.DecisionVocabulary})
	if err != nil {
		return err
	}
	in, err := importer.Convert(doc, importer.Options{Committee: opsg.Code, Source: "opsg-101-final-minutes.txt"})
	if err != nil {
		return fmt.Errorf("import OPSG 101: %w", err)
	}
	if _, err := l.store.ImportMinutes(mb.NewContextWithActor(ctx, sec), in, postgres.ImportOptions{}); err != nil {
		return fmt.Errorf("import OPSG 101: %w", err)
	}
	return nil
}
