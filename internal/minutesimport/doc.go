// Package minutesimport reads existing minutes documents (issue 7,
// "Importing existing minutes") into a structured [Document], without
// touching the database: the caller shows the result to a person, who
// checks it before anything is stored.
//
// It reads plain text in the tradition of the OPSG minutes (the model
// document is internal/fixture/opsg-105-final-minutes.txt), text copied out of a PDF
// (paragraphs broken over lines, tabs between table cells, page headers and
// footers, stray "**" and "<i>" markup), and Word .docx files (paragraphs,
// tables, bold runs and Word's automatic numbering, read with archive/zip
// and encoding/xml).
//
// # The promise: no line is lost silently
//
// Every non-blank line of the input is either placed in the structure (read
// into the meeting, or a heading the parser followed, or referenced by a
// "line" field, or part of an item's "text"), or listed in "unrecognised"
// with its line number; the tests check this line by line. Whatever the parser had to
// decide that a person should check (a name under no category or
// organisation heading, a page footer skipped, a date it could not read) is
// listed in "warnings" with its line number; line 0 means the document as a
// whole. Nothing ambiguous is guessed in silence.
//
// Lines are numbered from 1 in the text as given. For a .docx they count
// the lines of the text [DocxText] extracts: one per paragraph, a blank line
// between paragraphs, one per table row.
//
// # JSON
//
// A Document encodes as below (the // comments explain; they are not part
// of the JSON). Lists are [] when empty, never null. Dates are YYYY-MM-DD
// and times HH:MM (24-hour); an unknown value is "" or 0.
//
//	{
//	  "meeting": {
//	    "committee": "OPSG",                 // code, from the reference or "(OPSG)" in the heading
//	    "committee_name": "Operations Group",
//	    "number": 105,
//	    "kind": "main",                      // "main" | "reporting" | "extraordinary"; "main" unless the heading says otherwise
//	    "date": "2023-10-23",
//	    "start": "12:20",
//	    "end": "16:00",
//	    "venue": "Teleconference",
//	    "reference": "OPSG_105_2310",
//	    "status": "final",                   // "draft" | "final" ("Approved Minutes", "Approved as final at OPSG 106" read as final)
//	    "classification": "CLEAR"            // "RED" | "AMBER" | "GREEN" | "CLEAR" (old "WHITE" read as CLEAR, with a warning)
//	  },
//	  "attendees": [
//	    {"name": "Dave Warner", "category": "Operations Group Chair", "part_items": [], "line": 16},
//	    {"name": "Adam Rawling", "representing": "DCC", "part_items": ["5"], "line": 34},
//	    {"name": "Jane Example", "representing": "Large Suppliers", "part_items": [], "alternate_for": "Sam Draper", "line": 17}
//	  ],
//	  // Members carry "category"; other participants carry "representing" (the
//	  // organisation, as written). Each is omitted when empty. "part_items"
//	  // lists the agenda items of a partial attendance ("(Part) (Agenda Item 5)").
//	  "apologies": [
//	    {"name": "Conroy Saunders", "representing": "SECAS", "line": 50}
//	  ],
//	  "items": [
//	    {
//	      "number": "5.3",                   // "5", "5.1", ...: sub-items are items of their own, in order
//	      "title": "3G Sunsetting Performance",
//	      "text": "The DCC presented ...\n\n- a list entry\n- another",
//	      "decisions": [{"kind": "NOTED", "text": "The OPSG NOTED the presentation.", "line": 153}],
//	      "actions": [{"ref": "105/02", "text": "The DCC to include ...", "owner": "DCC", "line": 147}],
//	      "risks": [],
//	      "line": 139
//	    }
//	  ],
//	  "outstanding_actions": [
//	    {"ref": "OPSG 102/01", "text": "The DCC to provide ...", "raised": "2023-09-12",
//	     "target": "2024-02-28", "revised_target": "", "owner": "DCC", "status": "Closed", "line": 66}
//	  ],
//	  "risks": [
//	    {"ref": "OPSG-006", "text": "There is a risk CSP N will fail ...", "severity": 20, "band": "Critical", "line": 159}
//	  ],
//	  "next_meetings": [{"kind": "main", "date": "2023-11-14"}, {"kind": "reporting", "date": "2023-11-27"}],
//	  "unrecognised": [{"line": 12, "text": "??!! 12345 ;;"}],
//	  "warnings": [{"line": 38, "text": "Gary Stuart is listed after a blank line with no organisation of its own; taken to continue \"DCC\""}],
//	  "decision_words": ["NOTED", "AGREED", "APPROVED"], // the words decisions were read in
//	  "decision_words_assumed": true       // only when no committee's words were given
//	}
//
// An item's "text" is its minute as lightly cleaned markdown-ish text:
// paragraphs separated by a blank line, list entries as "- " lines, broken
// lines joined, markup removed. Decisions and actions are taken out of it
// (a paragraph that also holds other sentences keeps them); reviewed risks
// stay in it, since the comment after each risk is part of the minute.
//
// A "decision" is a word of the committee's vocabulary in the committee's
// voice: "The OPSG **NOTED** the update.", "The **OPSG APPROVED** the
// minutes …", "It was RESOLVED that …", or an entry of a list after "The
// OPSG:" ("- **AGREED** with the summary …", "a) NOTED the report;"). The
// caller gives the vocabulary (Options.DecisionWords: the committee's words,
// NOTED, AGREED, APPROVED, ENDORSED …, which an administrator extends);
// with none given, decisions are read in minutebook's default words and
// any the document writes in bold capitals, and the document says so
// ("decision_words_assumed"). A word in a decision's place that is outside
// the vocabulary (in bold, or a capital word ending in -ED: "The Panel
// SUPPORTED …") is not a decision: its sentence stays in the item's
// "text", and the item's "decisions" list it with "kind" empty and "word"
// set, for a person to make it a decision in one of the committee's words.
// A decision's "text" is the whole sentence or list entry without markup.
//
// An action is "ACTION 105/01: The DCC to …"; its "ref" is the meeting
// number and sequence, and its "owner" the words before " to " ("DCC",
// "SECAS"). Other bodies' actions ("New Action 0402: … Due: 12 June 2026",
// "Action: Finance Director to …", "(Action RCP 87/01)") keep their
// reference as written ("0402", or "" when none), their "target" when
// given, and "owner_person": who the owner is among the people recorded,
// by initials, a role or a name in brackets. "outstanding_actions" are the rows of the actions outstanding
// table (a row broken across a page is joined; a reference written without
// the code gets the committee's code). "risks" lists every risk reviewed,
// flattened, and each item lists the risks reviewed under it.
//
// Keys other bodies' minutes add, each only when given: an attendee's or
// apology's "role" and "initials"; an item's "classification" and
// "paragraphs"; a decision's "paragraph" and "letter"; an action's
// "owner_person", "target" and "paragraph"; an outstanding action's
// "owner_person"; a risk's "likelihood", "impact" and "previous_severity"; a
// next meeting's "start", "venue" and "number". A person correcting what
// was read in the browser may set an attendee's "absent", an apology's
// "category" and what an unrecognised line is ("as": "noise" or "item N").
package minutesimport
