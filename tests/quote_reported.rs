// Reported speech (kind `indirect`): one test per frame of news writing that `src/quote/frames.rs`
// reads, on invented sentences, with the exact content, speaker, mention and cue.

mod quote_common;

use newsquote::quote::QuoteKind;
use quote_common::{table, Row};

fn row(text: &str, kind: QuoteKind, speaker: Option<&str>, mention: &str, cue: &str) -> Row {
    (
        text.to_string(),
        kind,
        speaker.map(str::to_string),
        Some(mention.to_string()),
        Some(cue.to_string()),
    )
}

use QuoteKind::{Direct, Indirect};

#[test]
fn interrupting_tag_before_an_auxiliary_spans_the_whole_clause() {
    let t =
        "The harbour plan, Mayor Ilse Varenko said, would double the number of ferries by 2030.";
    assert_eq!(
        table(t),
        vec![row(
            "The harbour plan, Mayor Ilse Varenko said, would double the number of ferries by 2030",
            Indirect,
            Some("Ilse Varenko"),
            "Mayor Ilse Varenko",
            "said",
        )]
    );
}

#[test]
fn interrupting_tag_with_a_short_subject_and_an_adverbial() {
    let t = "The tunnel, the Norland transport agency said on Monday, was its most expensive \
             project yet.";
    assert_eq!(
        table(t),
        vec![row(
            "The tunnel, the Norland transport agency said on Monday, was its most expensive \
             project yet",
            Indirect,
            None,
            "the Norland transport agency",
            "said",
        )]
    );
}

#[test]
fn interrupting_tag_before_a_participle_subject() {
    let t =
        "Though the first vote was close, Ms. Varenko said, counting the second one would take \
             a week.";
    assert_eq!(
        table(t),
        vec![row(
            "Though the first vote was close, Ms. Varenko said, counting the second one would \
             take a week",
            Indirect,
            Some("Varenko"),
            "Ms. Varenko",
            "said",
        )]
    );
}

#[test]
fn participle_after_a_long_main_clause() {
    let t =
        "The Orvik Shipping Company filed a complaint with the port authority on behalf of its \
             crews and their families in the northern provinces, arguing that the new tolls broke \
             the 2019 treaty.";
    assert_eq!(
        table(t),
        vec![row(
            "the new tolls broke the 2019 treaty",
            Indirect,
            Some("Orvik Shipping Company"),
            "The Orvik Shipping Company",
            "arguing",
        )]
    );
}

#[test]
fn participle_after_a_coordinated_subject() {
    let t =
        "The Lindqvist Foundation and the Orvik Shipping Company filed a joint motion, arguing \
             that the tolls were unlawful.";
    let got = table(t);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "the tolls were unlawful");
    assert_eq!(
        got[0].3.as_deref(),
        Some("The Lindqvist Foundation and the Orvik Shipping Company")
    );
    assert_eq!(got[0].4.as_deref(), Some("arguing"));
}

#[test]
fn participle_with_a_noun_form_after_a_comma() {
    let t =
        "Ms. Varenko toured the terminal on Friday, warning that the ferries would be late all \
             winter.";
    assert_eq!(
        table(t),
        vec![row(
            "the ferries would be late all winter",
            Indirect,
            Some("Varenko"),
            "Ms. Varenko",
            "warning",
        )]
    );
}

#[test]
fn adding_with_a_bare_clause_after_a_direct_quote() {
    let t = "\"We built it in a year,\" Mr. Halden said, adding he would open a second terminal \
             next spring.";
    assert_eq!(
        table(t),
        vec![
            row(
                "We built it in a year",
                Direct,
                Some("Halden"),
                "Mr. Halden",
                "said"
            ),
            row(
                "he would open a second terminal next spring",
                Indirect,
                Some("Halden"),
                "Mr. Halden",
                "adding",
            ),
        ]
    );
}

#[test]
fn fronted_subordinate_clause_ends_at_its_comma() {
    let t = "While the mayor's aides suggested that the harbour plan was popular, Mr. Halden \
             called it a waste of money.";
    assert_eq!(
        table(t),
        vec![row(
            "the harbour plan was popular",
            Indirect,
            None,
            "the mayor's aides",
            "suggested",
        )]
    );
    let t = "When Mr. Halden noted that the harbour plan was popular, the mayor called it a waste \
             of money.";
    assert_eq!(
        table(t),
        vec![row(
            "the harbour plan was popular",
            Indirect,
            Some("Halden"),
            "Mr. Halden",
            "noted",
        )]
    );
}

#[test]
fn concessive_clause_is_a_report_of_its_own() {
    let t = "The council approved the budget, though Ms. Varenko noted that the ferry fund was \
             still empty.";
    assert_eq!(
        table(t),
        vec![row(
            "the ferry fund was still empty",
            Indirect,
            Some("Varenko"),
            "Ms. Varenko",
            "noted",
        )]
    );
    let t = "Mr. Halden said the tolls would stay, though Ms. Varenko noted that the ferry fund \
             was still empty.";
    assert_eq!(
        table(t),
        vec![
            row(
                "the tolls would stay",
                Indirect,
                Some("Halden"),
                "Mr. Halden",
                "said"
            ),
            row(
                "the ferry fund was still empty",
                Indirect,
                Some("Varenko"),
                "Ms. Varenko",
                "noted",
            ),
        ]
    );
}

#[test]
fn common_noun_subjects() {
    let cases = [
        (
            "Still, the fund warned that ferry fares would rise in the spring.",
            "ferry fares would rise in the spring",
            "the fund",
            "warned",
        ),
        (
            "Environmental groups say the new dredging will harm the herring.",
            "the new dredging will harm the herring",
            "Environmental groups",
            "say",
        ),
        (
            "Another 19 percent said they would not vote in the harbour referendum.",
            "they would not vote in the harbour referendum",
            "Another 19 percent",
            "said",
        ),
    ];
    for (t, content, mention, cue) in cases {
        assert_eq!(
            table(t),
            vec![row(content, Indirect, None, mention, cue)],
            "{t}"
        );
    }
}

#[test]
fn common_noun_subject_is_not_an_indefinite_pronoun() {
    // "that nobody" is the conjunction and a pronoun, not a speaker phrase.
    let t = "Ms. Varenko told the Harbour Gazette that nobody would question the budget.";
    assert_eq!(
        table(t),
        vec![row(
            "nobody would question the budget",
            Indirect,
            Some("Varenko"),
            "Ms. Varenko",
            "told",
        )]
    );
}

#[test]
fn time_phrase_between_subject_and_cue() {
    let t = "Mr. Halden days later announced that the terminal would close for repairs.";
    assert_eq!(
        table(t),
        vec![row(
            "the terminal would close for repairs",
            Indirect,
            Some("Halden"),
            "Mr. Halden",
            "announced",
        )]
    );
}

#[test]
fn participle_cue_ends_the_content() {
    let t = "The ferry union said the strike would go ahead, accusing the port authority of \
             breaking its promises.";
    assert_eq!(
        table(t),
        vec![row(
            "the strike would go ahead",
            Indirect,
            None,
            "The ferry union",
            "said",
        )]
    );
}

#[test]
fn not_reported_speech() {
    // A possessive makes "note" a noun; "continue" and "maintain" before an object are not
    // speech.
    for t in [
        "Editor's note: Mr. Halden is a former member of the harbour board.",
        "Mr. Halden continues his campaign against the tolls.",
        "The foundation maintains a fund for the families of fishermen.",
    ] {
        assert_eq!(table(t), vec![], "{t}");
    }
    let t = "The mayor maintained that the tolls were legal.";
    assert_eq!(
        table(t),
        vec![row(
            "the tolls were legal",
            Indirect,
            None,
            "The mayor",
            "maintained"
        )]
    );
    let t = "\"The tolls are legal,\" Mr. Halden continued.";
    assert_eq!(
        table(t),
        vec![row(
            "The tolls are legal",
            Direct,
            Some("Halden"),
            "Mr. Halden",
            "continued"
        )]
    );
}

#[test]
fn content_before_according_to_may_open_with_a_preposition() {
    let cases = [
        (
            "In the end, nine members of the harbour board voted for the plan, according to Ms. \
             Varenko.",
            "In the end, nine members of the harbour board voted for the plan",
            Some("Varenko"),
            "Ms. Varenko",
        ),
        (
            "Of the 40 ferries inspected last spring, 12 were found unsafe, according to a port \
             inspector.",
            "Of the 40 ferries inspected last spring, 12 were found unsafe",
            None,
            "a port inspector",
        ),
    ];
    for (t, content, speaker, mention) in cases {
        assert_eq!(
            table(t),
            vec![row(content, Indirect, speaker, mention, "according to")],
            "{t}"
        );
    }
}

#[test]
fn opening_adverbial_before_an_interrupting_tag_is_not_content() {
    let t = "During his six years on the board, Mr. Halden said, the harbour had doubled its \
             traffic.";
    assert_eq!(
        table(t),
        vec![row(
            "the harbour had doubled its traffic",
            Indirect,
            Some("Halden"),
            "Mr. Halden",
            "said",
        )]
    );
}

#[test]
fn according_to_without_a_comma_and_with_a_long_source() {
    let t = "The Norland party leads the count by 14 seats according to a tally by the Harbour \
             Gazette, but the vote is not over.";
    assert_eq!(
        table(t),
        vec![row(
            "The Norland party leads the count by 14 seats",
            Indirect,
            Some("Harbour Gazette"),
            "a tally by the Harbour Gazette",
            "according to",
        )]
    );
    let t = "According to early results of a survey conducted for the Harbour Gazette and two \
             radio stations by the Orvik Institute, most residents back the plan.";
    let got = table(t);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "most residents back the plan");
    assert_eq!(got[0].4.as_deref(), Some("According to"));
}

#[test]
fn according_to_interrupting_a_clause() {
    let t = "One of the options the board discussed, according to a person close to the talks, \
             is to sell the old terminal.";
    assert_eq!(
        table(t),
        vec![row(
            "One of the options the board discussed, according to a person close to the talks, \
             is to sell the old terminal",
            Indirect,
            None,
            "a person close to the talks",
            "according to",
        )]
    );
}

#[test]
fn a_new_clause_with_a_pronoun_subject_ends_the_content() {
    let t = "Mr. Halden said the terminal would open in May, but he refused to name the builder.";
    assert_eq!(
        table(t),
        vec![row(
            "the terminal would open in May",
            Indirect,
            Some("Halden"),
            "Mr. Halden",
            "said",
        )]
    );
    // A quotation after it shows the clause is still the speaker's.
    let t = "Ms. Varenko says she hopes to win the vote, but she knows that \"the harbour is not \
             a prize.\"";
    assert_eq!(
        table(t),
        vec![row(
            "she hopes to win the vote, but she knows that \"the harbour is not a prize.",
            QuoteKind::Mixed,
            Some("Varenko"),
            "Ms. Varenko",
            "says",
        )]
    );
}

#[test]
fn poll_shares_and_partitives_as_speakers() {
    let cases = [
        (
            "The plan is popular, while only 49 percent of harbour workers say the same of the \
             tolls.",
            "the same of the tolls",
            "only 49 percent of harbour workers",
            "say",
        ),
        (
            "Only 24 percent said the mayor did nothing wrong.",
            "the mayor did nothing wrong",
            "Only 24 percent",
            "said",
        ),
        (
            "About three in 10 said they would move away from the harbour.",
            "they would move away from the harbour",
            "About three in 10",
            "said",
        ),
        (
            "A majority of her backers say they plan to vote for the tolls.",
            "they plan to vote for the tolls",
            "A majority of her backers",
            "say",
        ),
        (
            "The plan has angered the fishermen, many of whom say the tolls are unfair.",
            "the tolls are unfair",
            "many of whom",
            "say",
        ),
    ];
    for (t, content, mention, cue) in cases {
        let got = table(t);
        assert_eq!(got.len(), 1, "{t}");
        assert_eq!(got[0].0, content, "{t}");
        assert_eq!(got[0].1, Indirect, "{t}");
        assert_eq!(got[0].3.as_deref(), Some(mention), "{t}");
        assert_eq!(got[0].4.as_deref(), Some(cue), "{t}");
    }
}

#[test]
fn dash_appositive_between_speaker_and_cue() {
    let t = "Halden -- co-author of Harbour Years, a book on the port's history -- said the \
             terminal was built too fast.";
    assert_eq!(
        table(t),
        vec![row(
            "the terminal was built too fast",
            Indirect,
            Some("Halden"),
            "Halden",
            "said",
        )]
    );
}

#[test]
fn reported_question_keeps_its_question_word() {
    let t = "Last month, the Gazette's Ola Brekke asked Mr. Halden whether questions about his \
             health were fair game in the campaign.";
    assert_eq!(
        table(t),
        vec![row(
            "whether questions about his health were fair game in the campaign",
            Indirect,
            Some("Ola Brekke"),
            "the Gazette's Ola Brekke",
            "asked",
        )]
    );
    let t = "Ms. Varenko asked how the harbour would pay for the new terminal.";
    assert_eq!(
        table(t),
        vec![row(
            "how the harbour would pay for the new terminal",
            Indirect,
            Some("Varenko"),
            "Ms. Varenko",
            "asked",
        )]
    );
    // A request is not reported speech.
    assert_eq!(
        table("Mr. Halden asked the board to delay the vote."),
        vec![]
    );
}

#[test]
fn participle_after_a_sentence_opening_with_an_indefinite_subject() {
    // "A" is also a capitalised stop word; here it opens the subject, not an adverbial.
    let t = "A port official rejected the request on Monday, saying the docks were unsafe.";
    assert_eq!(
        table(t),
        vec![row(
            "the docks were unsafe",
            Indirect,
            None,
            "A port official",
            "saying",
        )]
    );
}

#[test]
fn job_nouns_opening_the_sentence_before_a_name() {
    let t = "Veteran harbour pilot Maren Osk says the new channel is too shallow for tankers.";
    assert_eq!(
        table(t),
        vec![row(
            "the new channel is too shallow for tankers",
            Indirect,
            Some("Maren Osk"),
            "Veteran harbour pilot Maren Osk",
            "says",
        )]
    );
}

#[test]
fn acronym_between_a_determiner_and_a_plain_noun() {
    let t = "The BBC veteran said the station would close its Norland office.";
    assert_eq!(
        table(t),
        vec![row(
            "the station would close its Norland office",
            Indirect,
            None,
            "The BBC veteran",
            "said",
        )]
    );
}

#[test]
fn quantifier_and_share_subjects_are_unnamed_sources() {
    let cases = [
        (
            "Each council said the other had delayed the tunnel.",
            "the other had delayed the tunnel",
            "Each council",
        ),
        (
            "Nearly two in five said they would not use the new bridge.",
            "they would not use the new bridge",
            "Nearly two in five",
        ),
        (
            "Many said on Monday that the tolls were too high.",
            "the tolls were too high",
            "Many",
        ),
        (
            "Others said the plan would fail.",
            "the plan would fail",
            "Others",
        ),
        (
            "Three-quarters of the drivers said they were worried about the tolls.",
            "they were worried about the tolls",
            "Three-quarters",
        ),
    ];
    for (t, content, mention) in cases {
        assert_eq!(
            table(t),
            vec![row(content, Indirect, None, mention, "said")],
            "{t}"
        );
    }
}

#[test]
fn that_verb_with_a_noun_phrase_clause_and_no_that() {
    let t = "Mayor Ilse Varenko suggested the ferry schedule was too thin.";
    assert_eq!(
        table(t),
        vec![row(
            "the ferry schedule was too thin",
            Indirect,
            Some("Ilse Varenko"),
            "Mayor Ilse Varenko",
            "suggested",
        )]
    );
    // Not a verb of saying: "indicates" shows, nobody reports.
    assert_eq!(
        table("Her new post indicates the council has changed course."),
        vec![]
    );
}

#[test]
fn tags_inside_because_and_after_clauses() {
    assert_eq!(
        table("The board vetoed the budget because its chair said the figures were wrong."),
        vec![row(
            "the figures were wrong",
            Indirect,
            None,
            "its chair",
            "said"
        )]
    );
    // The clause before the main clause ends at its comma, also after a time phrase.
    assert_eq!(
        table("A week after the agency announced the tunnel would close, the ferries were full."),
        vec![row(
            "the tunnel would close",
            Indirect,
            None,
            "the agency",
            "announced"
        )]
    );
    // A participle right after its noun ("a man claiming …") is not a tag.
    assert_eq!(
        table(
            "Soon after a man claiming to be a pilot boarded the ferry, the captain turned back."
        ),
        vec![]
    );
}

#[test]
fn that_after_a_tag_opens_its_own_content() {
    let t = "While some drivers have doubts, many said Monday that the tolls were fair.";
    assert_eq!(
        table(t),
        vec![row("the tolls were fair", Indirect, None, "many", "said")]
    );
}

#[test]
fn closing_tag_with_a_common_noun_and_its_complement() {
    let cases = [
        (
            "The mayor will rethink how he treats the council, a source close to him said.",
            "The mayor will rethink how he treats the council",
            "a source",
            "said",
        ),
        (
            "The tunnel will open in May, people familiar with the plan say.",
            "The tunnel will open in May",
            "people",
            "say",
        ),
        (
            "The long friendship helped turn doubt into support, donors said.",
            "The long friendship helped turn doubt into support",
            "donors",
            "said",
        ),
    ];
    for (t, content, mention, cue) in cases {
        assert_eq!(
            table(t),
            vec![row(content, Indirect, None, mention, cue)],
            "{t}"
        );
    }
}

#[test]
fn closing_tag_with_a_job_noun_before_the_name() {
    let t = "Many drivers found the tolls unfair, journalist Mara Lind said on Friday.";
    assert_eq!(
        table(t),
        vec![row(
            "Many drivers found the tolls unfair",
            Indirect,
            Some("Mara Lind"),
            "journalist Mara Lind",
            "said",
        )]
    );
}

#[test]
fn content_before_the_tag_may_open_with_as() {
    let t = "As a newcomer, Ms. Lind drew less attention, Mr. Brell said.";
    assert_eq!(
        table(t),
        vec![row(
            "As a newcomer, Ms. Lind drew less attention",
            Indirect,
            Some("Brell"),
            "Mr. Brell",
            "said",
        )]
    );
}

#[test]
fn that_after_an_adverbial_of_the_tag_opens_the_content() {
    // The opening clause is not content before the tag.
    let t = "Before the vote, council leader Ana Roth said at a rally in Brenna that the bridge \
             would be rebuilt.";
    assert_eq!(
        table(t),
        vec![row(
            "the bridge would be rebuilt",
            Indirect,
            Some("Ana Roth"),
            "council leader Ana Roth",
            "said",
        )]
    );
}

#[test]
fn nominal_cue_with_an_owner_and_a_content_clause() {
    let t = "Mayor Ilse Varenko's warning in March that the ferry would stop — a first — went \
             unheeded.";
    assert_eq!(
        table(t),
        vec![row(
            "the ferry would stop",
            Indirect,
            Some("Ilse Varenko"),
            "Mayor Ilse Varenko's",
            "warning",
        )]
    );
    // A possessive pronoun stands for the person named before; the main verb after the clause
    // ("had cost") is not content.
    let t = "Tomas Brell left the council.\nHis repeated insistence that the bridge was safe had \
             cost him support.";
    assert_eq!(
        table(t),
        vec![row(
            "the bridge was safe",
            Indirect,
            Some("Tomas Brell"),
            "His",
            "insistence",
        )]
    );
    // No owner, no speaker phrase: not reported here.
    assert_eq!(
        table("Nobody believed the claim that the harbour was full."),
        vec![]
    );
}

#[test]
fn poll_shares_with_a_percent_sign_adjectives_and_noun_modifiers() {
    let cases = [
        (
            "26% say they are conservative.",
            "they are conservative",
            "26%",
            "say",
        ),
        (
            "74 percent of registered voters say they trust the harbour board.",
            "they trust the harbour board",
            "74 percent of registered voters",
            "say",
        ),
        (
            "By 58%-33%, those surveyed said the ferry fund should stay.",
            "the ferry fund should stay",
            "those surveyed",
            "said",
        ),
        (
            "The protest organizer says the platform ignores the dock workers.",
            "the platform ignores the dock workers",
            "The protest organizer",
            "says",
        ),
    ];
    for (t, content, mention, cue) in cases {
        assert_eq!(
            table(t),
            vec![row(content, Indirect, None, mention, cue)],
            "{t}"
        );
    }
}
