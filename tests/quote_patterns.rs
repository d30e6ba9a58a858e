// One test per pattern of news writing that `src/quote` handles, on small invented inputs with
// the exact expected quote text, kind, speaker, mention and cue. (Plain `//` comments: the file
// is also included by a scratch harness.)

mod quote_common;

use newsquote::quote::{extract_quotes_with, ExtractOptions, QuoteKind};
use quote_common::{article, quotes, table, Row};

fn row(
    text: &str,
    kind: QuoteKind,
    speaker: Option<&str>,
    mention: Option<&str>,
    cue: Option<&str>,
) -> Row {
    (
        text.to_string(),
        kind,
        speaker.map(str::to_string),
        mention.map(str::to_string),
        cue.map(str::to_string),
    )
}

use QuoteKind::{Direct, Indirect, Mixed};

#[test]
fn quote_first_speaker_after() {
    assert_eq!(
        table("\"The harbour will reopen in May,\" Harbour Minister Tova Lind said."),
        [row(
            "The harbour will reopen in May",
            Direct,
            Some("Tova Lind"),
            Some("Harbour Minister Tova Lind"),
            Some("said")
        )]
    );
}

#[test]
fn inverted_tag_said_x() {
    assert_eq!(
        table("“We are ready,” said Foreign Minister Aras Velk."),
        [row(
            "We are ready",
            Direct,
            Some("Aras Velk"),
            Some("Foreign Minister Aras Velk"),
            Some("said")
        )]
    );
}

#[test]
fn appositive_between_name_and_cue() {
    assert_eq!(
        table("“Nobody was hurt,” Tomas Reyes, a paramedic, said."),
        [row(
            "Nobody was hurt",
            Direct,
            Some("Tomas Reyes"),
            Some("Tomas Reyes"),
            Some("said")
        )]
    );
}

#[test]
fn for_his_part_and_surname() {
    let t = "Premier Lud Aksel met President Dorin Vasko.\n\n“We want calm,” Vasko, for his part, stated.";
    assert_eq!(
        table(t),
        [row(
            "We want calm",
            Direct,
            Some("Dorin Vasko"),
            Some("Vasko"),
            Some("stated")
        )]
    );
}

#[test]
fn speaker_before_with_colon() {
    assert_eq!(
        table("Mayor Ines Ferro told reporters: “The budget is balanced.”"),
        [row(
            "The budget is balanced.",
            Direct,
            Some("Ines Ferro"),
            Some("Mayor Ines Ferro"),
            Some("told")
        )]
    );
}

#[test]
fn split_quote_gives_two_entries() {
    assert_eq!(
        table("“The talks went well,” Envoy Sara Holm said, “and they will go on.”"),
        [
            row(
                "The talks went well",
                Direct,
                Some("Sara Holm"),
                Some("Envoy Sara Holm"),
                Some("said")
            ),
            row(
                "and they will go on.",
                Direct,
                Some("Sara Holm"),
                Some("Envoy Sara Holm"),
                None
            ),
        ]
    );
}

#[test]
fn split_quote_merged_on_request() {
    let a = article("“The talks went well,” Envoy Sara Holm said. “They will go on.”");
    let qs = extract_quotes_with(
        &a,
        &ExtractOptions {
            merge_quote_runs: true,
        },
    );
    assert_eq!(qs.len(), 1);
    assert_eq!(
        qs[0].text,
        "The talks went well,” Envoy Sara Holm said. “They will go on."
    );
}

#[test]
fn floating_quote_inherits_the_paragraphs_speaker() {
    let t = "“We will vote,” Senator Pia Rund said. “The people expect it.”";
    assert_eq!(
        table(t),
        [
            row(
                "We will vote",
                Direct,
                Some("Pia Rund"),
                Some("Senator Pia Rund"),
                Some("said")
            ),
            row(
                "The people expect it.",
                Direct,
                Some("Pia Rund"),
                Some("Senator Pia Rund"),
                None
            ),
        ]
    );
}

#[test]
fn multi_paragraph_quote_is_one_entry() {
    let t = "Minister Ola Brin said: “The first part is done.\n\n“The second part starts soon.\n\n“The third waits for funds.”\n\nThe opposition said nothing.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(
        qs[0].text,
        "The first part is done.\n\n“The second part starts soon.\n\n“The third waits for funds."
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("Ola Brin"));
}

#[test]
fn colon_headline() {
    let t = "Vasko: Tarmel Backs the Plan\n\nPresident Dorin Vasko spoke on Monday.";
    assert_eq!(
        table(t),
        [row(
            "Tarmel Backs the Plan",
            Indirect,
            Some("Dorin Vasko"),
            Some("Vasko"),
            Some(":")
        )]
    );
}

#[test]
fn colon_title_without_a_known_name_is_not_a_quote() {
    assert!(quotes("From Orsk to Vell: Key Points of the Deal\n\nThe deal was signed.").is_empty());
}

#[test]
fn mixed_quote_with_tag_after() {
    let t = "Chancellor Ivo Marek met reporters.\n\nBoth sides made \"real progress\" on trade, the chancellor said.";
    assert_eq!(
        table(t),
        [row(
            "Both sides made \"real progress\" on trade",
            Mixed,
            Some("Ivo Marek"),
            Some("the chancellor"),
            Some("said")
        )]
    );
}

#[test]
fn mixed_quote_in_that_clause() {
    assert_eq!(
        table("Governor Lene Aas warned that the floods were \"the worst in a century\"."),
        [row(
            "the floods were \"the worst in a century",
            Mixed,
            Some("Lene Aas"),
            Some("Governor Lene Aas"),
            Some("warned")
        )]
    );
}

#[test]
fn judging_verb_with_quoted_words_is_mixed() {
    assert_eq!(
        table("Senator Pia Rund called the plan \"a disaster\"."),
        [row(
            "the plan \"a disaster",
            Mixed,
            Some("Pia Rund"),
            Some("Senator Pia Rund"),
            Some("called")
        )]
    );
    assert!(quotes("Senator Pia Rund called the plan a disaster.").is_empty());
}

#[test]
fn reported_speech_that_clause() {
    assert_eq!(
        table("Finance Minister Clara Veld said on Tuesday that the deficit would shrink."),
        [row(
            "the deficit would shrink",
            Indirect,
            Some("Clara Veld"),
            Some("Finance Minister Clara Veld"),
            Some("said")
        )]
    );
}

#[test]
fn reported_speech_without_that() {
    assert_eq!(
        table("Mayor Ines Ferro said the bridge would reopen in stages."),
        [row(
            "the bridge would reopen in stages",
            Indirect,
            Some("Ines Ferro"),
            Some("Mayor Ines Ferro"),
            Some("said")
        )]
    );
}

#[test]
fn reported_speech_tag_at_the_end() {
    let t =
        "President Dorin Vasko arrived.\n\nThe two countries share a long border, Vasko stressed.";
    assert_eq!(
        table(t),
        [row(
            "The two countries share a long border",
            Indirect,
            Some("Dorin Vasko"),
            Some("Vasko"),
            Some("stressed")
        )]
    );
}

#[test]
fn told_reporters() {
    assert_eq!(
        table("Envoy Sara Holm told reporters the ceasefire was holding."),
        [row(
            "the ceasefire was holding",
            Indirect,
            Some("Sara Holm"),
            Some("Envoy Sara Holm"),
            Some("told")
        )]
    );
}

#[test]
fn stressed_that_and_adding_that() {
    assert_eq!(
        table("Envoy Sara Holm stressed that the talks would continue, adding that both sides had agreed."),
        [
            row("the talks would continue", Indirect, Some("Sara Holm"), Some("Envoy Sara Holm"), Some("stressed")),
            row("both sides had agreed", Indirect, Some("Sara Holm"), Some("Envoy Sara Holm"), Some("adding")),
        ]
    );
}

#[test]
fn beliefs_plans_and_passives_are_not_speech() {
    assert!(quotes("Envoy Sara Holm believes the talks will fail.").is_empty());
    assert!(quotes("Envoy Sara Holm plans to visit Orsk next week.").is_empty());
    assert!(quotes("Envoy Sara Holm hopes the ceasefire will hold.").is_empty());
    assert!(quotes("The delegates were told the talks would resume.").is_empty());
    assert!(quotes("Envoy Sara Holm refused to say whether the talks would resume.").is_empty());
}

#[test]
fn according_to() {
    assert_eq!(
        table("According to Envoy Sara Holm, the monitors will arrive on Sunday."),
        [row(
            "the monitors will arrive on Sunday",
            Indirect,
            Some("Sara Holm"),
            Some("Envoy Sara Holm"),
            Some("According to")
        )]
    );
    assert_eq!(
        table("The monitors will arrive on Sunday, according to the Kremlin."),
        [row(
            "The monitors will arrive on Sunday",
            Indirect,
            Some("Kremlin"),
            Some("the Kremlin"),
            Some("according to")
        )]
    );
}

#[test]
fn names_with_particles_and_hyphens() {
    assert_eq!(
        quotes("“We act now,” said Commission President Ursula von der Leyen.")[0]
            .speaker
            .as_deref(),
        Some("Ursula von der Leyen")
    );
    assert_eq!(
        quotes("“We act now,” North Korean leader Kim Jong-un said.")[0]
            .speaker
            .as_deref(),
        Some("Kim Jong-un")
    );
    assert_eq!(
        quotes("“We act now,” said Abu Bakr al-Baghdadi.")[0]
            .speaker
            .as_deref(),
        Some("Abu Bakr al-Baghdadi")
    );
}

#[test]
fn honorifics_resolve_to_the_full_name() {
    let t = "Prime Minister Aldo Brenn opened the debate.\n\n“It is a sad day,” Mr Brenn said.\n\n“We will recover,” Mr. Brenn added.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 2);
    assert!(
        qs.iter()
            .all(|q| q.speaker.as_deref() == Some("Aldo Brenn")),
        "{qs:#?}"
    );
    assert_eq!(qs[0].mention.as_ref().unwrap().text, "Mr Brenn");
    assert!(
        qs[0].speaker_aliases.iter().any(|a| a == "Brenn"),
        "{:?}",
        qs[0].speaker_aliases
    );
}

#[test]
fn organisations_as_speakers() {
    assert_eq!(
        table("The sanctions are illegal, the Kremlin said."),
        [row(
            "The sanctions are illegal",
            Indirect,
            Some("Kremlin"),
            Some("the Kremlin"),
            Some("said")
        )]
    );
    assert_eq!(
        quotes("Talks are possible, Pyongyang said.")[0]
            .speaker
            .as_deref(),
        Some("North Korea")
    );
}

#[test]
fn unnamed_sources_keep_their_mention() {
    assert_eq!(
        table("“The deal is close,” a senior official said."),
        [row(
            "The deal is close",
            Direct,
            None,
            Some("a senior official"),
            Some("said")
        )]
    );
    assert_eq!(
        quotes("The deal is close, officials said.")[0].speaker,
        None
    );
}

#[test]
fn pronouns_follow_the_latest_compatible_speaker() {
    let t = "“We are ready,” President Dorin Vasko said. His foreign minister, Mara Quint, spoke later.\n\n\
             “She said nothing new,” Mr Vasko told reporters.\n\n\
             “The plan is fair,” Ms Quint said.\n\n\
             “It will pass,” he said.";
    let qs = quotes(t);
    let last = qs.last().unwrap();
    assert_eq!(last.text, "It will pass");
    assert_eq!(
        last.speaker.as_deref(),
        Some("Dorin Vasko"),
        "a 'he' must not go to Ms Quint: {qs:#?}"
    );
}

#[test]
fn role_nouns_resolve_to_the_entity_with_that_title() {
    let t = "Norlandic Prime Minister Aldo Brenn met Veskan President Dorin Vasko.\n\n\
             “Trade will grow,” the Norlandic leader said.\n\n\
             “We agree,” the Veskan president said.";
    let qs = quotes(t);
    assert_eq!(qs[0].speaker.as_deref(), Some("Aldo Brenn"));
    assert_eq!(qs[1].speaker.as_deref(), Some("Dorin Vasko"));
    assert_eq!(qs[1].mention.as_ref().unwrap().text, "the Veskan president");
}

#[test]
fn role_noun_without_a_match_is_unnamed_never_the_role() {
    let qs = quotes("“Prices will fall,” the minister said.");
    assert_eq!(qs[0].speaker, None);
    assert_eq!(qs[0].mention.as_ref().unwrap().text, "the minister");
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let t = "Kim’s band played ’90s rock ’n’ roll at the players’ club, Manager Ola Brin said.";
    assert_eq!(
        table(t),
        [row(
            "Kim’s band played ’90s rock ’n’ roll at the players’ club",
            Indirect,
            Some("Ola Brin"),
            Some("Manager Ola Brin"),
            Some("said")
        )]
    );
}

#[test]
fn a_stray_mark_does_not_swallow_the_article() {
    let t = "“This quote never closes, Envoy Sara Holm said.\n\n“The next one does,” Holm said.\n\nThe talks ended.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| !q.text.contains("talks ended")),
        "{qs:#?}"
    );
    assert!(qs.iter().any(|q| q.text == "The next one does"));
}

#[test]
fn german_and_french_marks() {
    let t = "„Wir sind bereit“, sagte Ministerin Lena Wirth.\n\n« Nous sommes prêts », a déclaré le ministre Paul Ardent.";
    assert_eq!(
        table(t),
        [
            row(
                "Wir sind bereit",
                Direct,
                Some("Lena Wirth"),
                Some("Ministerin Lena Wirth"),
                Some("sagte")
            ),
            row(
                "Nous sommes prêts",
                Direct,
                Some("Paul Ardent"),
                Some("le ministre Paul Ardent"),
                Some("a déclaré")
            ),
        ]
    );
}

#[test]
fn doubled_apostrophes_as_marks() {
    assert_eq!(
        table("''We will win,'' Coach Ivo Dahl said."),
        [row(
            "We will win",
            Direct,
            Some("Ivo Dahl"),
            Some("Coach Ivo Dahl"),
            Some("said")
        )]
    );
}

#[test]
fn went_on_to_say_and_pointed_out() {
    let t = "Envoy Sara Holm pointed out that the border was calm. She went on to say that the monitors had left.";
    assert_eq!(
        table(t),
        [
            row(
                "the border was calm",
                Indirect,
                Some("Sara Holm"),
                Some("Envoy Sara Holm"),
                Some("pointed out")
            ),
            row(
                "the monitors had left",
                Indirect,
                Some("Sara Holm"),
                Some("She"),
                Some("went on to say")
            ),
        ]
    );
}

#[test]
fn dateline_is_not_part_of_the_quote() {
    assert_eq!(
        table("ORSK — “The bridge is open,” engineer Yara Pell said."),
        [row(
            "The bridge is open",
            Direct,
            Some("Yara Pell"),
            Some("engineer Yara Pell"),
            Some("said")
        )]
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(quotes("The so-called “peace dividend” never came.").is_empty());
}

#[test]
fn signed_quotation_takes_the_name_after_the_dash() {
    let t = "Readers sent their views.\n\n“The plan helps nobody in my town.” ― Lina Moretti\n\n“We need the ferry back,” — Odo Brand (@odobrand) May 2, 2024";
    assert_eq!(
        table(t),
        [
            row(
                "The plan helps nobody in my town.",
                Direct,
                Some("Lina Moretti"),
                Some("Lina Moretti"),
                Some("―")
            ),
            row(
                "We need the ferry back",
                Direct,
                Some("Odo Brand"),
                Some("Odo Brand"),
                Some("—")
            ),
        ]
    );
}

#[test]
fn a_dash_and_a_common_word_is_not_a_signature() {
    // The words after the dash are a sentence, not a name.
    assert!(quotes("“The plan helps nobody.” — That was the view in Orsk on Friday.").is_empty());
}

#[test]
fn participle_tag_takes_the_clause_subject() {
    let t = "Mayor Ilse Varga defended the new tolls, saying the bridge would otherwise close by winter.";
    assert_eq!(
        table(t),
        [row(
            "the bridge would otherwise close by winter",
            Indirect,
            Some("Ilse Varga"),
            Some("Mayor Ilse Varga"),
            Some("saying")
        )]
    );
}

#[test]
fn institution_nouns_and_noun_compounds_speak() {
    let t = "The bank said it had closed 40 branches in the north.\n\nSeveral crew members said the engine had failed twice before.";
    assert_eq!(
        table(t),
        [
            row(
                "it had closed 40 branches in the north",
                Indirect,
                None,
                Some("The bank"),
                Some("said")
            ),
            row(
                "the engine had failed twice before",
                Indirect,
                None,
                Some("Several crew members"),
                Some("said")
            ),
        ]
    );
}

#[test]
fn said_no_with_a_clause_is_content_but_said_no_alone_is_not() {
    let t = "Amir Dosti said no decision had been made on an appeal.\n\nThe council said no to the plan.";
    assert_eq!(
        table(t),
        [row(
            "no decision had been made on an appeal",
            Indirect,
            Some("Amir Dosti"),
            Some("Amir Dosti"),
            Some("said")
        )]
    );
}

#[test]
fn party_and_state_tag_does_not_end_the_sentence() {
    let t = "Rep. Ora Lindqvist (R-S.C.) said the claim smacked of hypocrisy.";
    assert_eq!(
        table(t),
        [row(
            "the claim smacked of hypocrisy",
            Indirect,
            Some("Ora Lindqvist"),
            Some("Rep. Ora Lindqvist"),
            Some("said")
        )]
    );
}

#[test]
fn according_to_a_long_or_lower_case_source() {
    let t = "According to exit polls, turnout fell in the northern districts.\n\nThe port handles a third of the grain, according to the Regional Bureau of Statistics.";
    assert_eq!(
        table(t),
        [
            row(
                "turnout fell in the northern districts",
                Indirect,
                None,
                Some("exit polls"),
                Some("According to")
            ),
            row(
                "The port handles a third of the grain",
                Indirect,
                Some("Regional Bureau"),
                Some("the Regional Bureau of Statistics"),
                Some("according to")
            ),
        ]
    );
}

#[test]
fn and_said_takes_the_clause_subject() {
    let t = "Mayor Ilse Varga closed the bridge on Friday and said it would reopen in spring.";
    assert_eq!(
        table(t),
        [row(
            "it would reopen in spring",
            Indirect,
            Some("Ilse Varga"),
            Some("Mayor Ilse Varga"),
            Some("said")
        )]
    );
}

#[test]
fn time_phrase_between_speaker_and_cue() {
    let t = "Norbank this month announced it would close its branches in Orsk.\n\nSenator Ada Quist on Tuesday said the budget would pass.";
    assert_eq!(
        table(t),
        [
            row(
                "it would close its branches in Orsk",
                Indirect,
                Some("Norbank"),
                Some("Norbank"),
                Some("announced")
            ),
            row(
                "the budget would pass",
                Indirect,
                Some("Ada Quist"),
                Some("Senator Ada Quist"),
                Some("said")
            ),
        ]
    );
}

#[test]
fn that_verb_with_a_pronoun_clause_but_not_an_object() {
    let t = "The minister warned it would be a hard winter for farmers.\n\nThe minister warned them against a hard winter.";
    assert_eq!(
        table(t),
        [row(
            "it would be a hard winter for farmers",
            Indirect,
            None,
            Some("The minister"),
            Some("warned")
        )]
    );
}

#[test]
fn content_after_that_may_open_with_a_preposition() {
    let t = "Ada Quist noted that, like her rival, she had lost the northern vote.";
    assert_eq!(
        table(t),
        [row(
            "like her rival, she had lost the northern vote",
            Indirect,
            Some("Ada Quist"),
            Some("Ada Quist"),
            Some("noted")
        )]
    );
}

#[test]
fn a_month_name_as_surname_heads_the_speaker_phrase() {
    let t = "Premier Jonas May said the harbour would reopen.";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "the harbour would reopen");
    assert_eq!(q[0].mention.as_ref().unwrap().text, "Premier Jonas May");
}

#[test]
fn verbs_that_frame_quoted_words_end_with_the_last_quote() {
    let t = "Governor Ama Pell described the flood as a “slow disaster” during a visit to Orsk on Friday.";
    assert_eq!(
        table(t),
        [row(
            // The closing mark at the end is stripped, as for every mixed span.
            "the flood as a “slow disaster",
            Mixed,
            Some("Ama Pell"),
            Some("Governor Ama Pell"),
            Some("described")
        )]
    );
}

#[test]
fn a_subject_before_the_quote_makes_it_mixed() {
    let t = "Varga “is the only candidate who can win the north,” retired general Odo Brand said.";
    assert_eq!(
        table(t),
        [row(
            "Varga “is the only candidate who can win the north",
            Mixed,
            Some("Odo Brand"),
            Some("retired general Odo Brand"),
            Some("said")
        )]
    );
}

#[test]
fn modifier_nouns_before_a_role_head() {
    let t = "Varga communications director Lene Holt said the tour would resume.";
    assert_eq!(
        table(t),
        [row(
            "the tour would resume",
            Indirect,
            Some("Lene Holt"),
            Some("Varga communications director Lene Holt"),
            Some("said")
        )]
    );
}

#[test]
fn transcript_turns_with_a_stray_mark_before_the_label() {
    let t = "Senator Ada Quist spoke to host Ben Ostrow on Sunday.\n\n\"OSTROW: Will the budget pass this week?\n\n\"QUIST: Well, look, I think it will pass by Friday.";
    assert_eq!(
        table(t),
        [
            row(
                "Will the budget pass this week?",
                Indirect,
                Some("Ben Ostrow"),
                Some("OSTROW"),
                Some(":")
            ),
            row(
                "Well, look, I think it will pass by Friday.",
                Indirect,
                Some("Ada Quist"),
                Some("QUIST"),
                Some(":")
            ),
        ]
    );
}

#[test]
fn auxiliaries_and_relative_pronouns_before_the_cue() {
    assert_eq!(
        table("The ferry was run by a captain who said the engine had failed twice."),
        [row(
            "the engine had failed twice",
            Indirect,
            None,
            Some("who"),
            Some("said")
        )]
    );
    let t = "Mayor Ilse Varga has said about 20 families have asked for help.\n\nThe budget rests on new tolls, which Varga said were needed to keep the bridge open.\n\nThe harbour is run by Odo Brand, who in 2019 said the port would double in size.";
    assert_eq!(
        table(t),
        [
            row(
                "about 20 families have asked for help",
                Indirect,
                Some("Ilse Varga"),
                Some("Mayor Ilse Varga"),
                Some("said")
            ),
            row(
                "were needed to keep the bridge open",
                Indirect,
                Some("Ilse Varga"),
                Some("Varga"),
                Some("said")
            ),
            row(
                "the port would double in size",
                Indirect,
                Some("Odo Brand"),
                Some("Odo Brand"),
                Some("said")
            ),
        ]
    );
}

#[test]
fn job_description_of_unknown_nouns_after_the_quote_is_part_of_the_speaker_phrase() {
    let t = "\"The quay reopens on Monday,\" harbour master Ingrid Solvang said.\n\n\"Ships wait,\" senior harbour pilot Anna Lind told reporters.";
    assert_eq!(
        table(t),
        [
            row(
                "The quay reopens on Monday",
                Direct,
                Some("Ingrid Solvang"),
                Some("harbour master Ingrid Solvang"),
                Some("said")
            ),
            row(
                "Ships wait",
                Direct,
                Some("Anna Lind"),
                Some("senior harbour pilot Anna Lind"),
                Some("told")
            ),
        ]
    );
}

#[test]
fn name_of_an_organisation_before_the_cue_is_the_person() {
    let t = "\"The dam must stay,\" Ms. Greta Vell of the Lakeshore Trust said.";
    assert_eq!(
        table(t),
        [row(
            "The dam must stay",
            Direct,
            Some("Greta Vell"),
            Some("Ms. Greta Vell"),
            Some("said")
        )]
    );
}

#[test]
fn two_appositives_the_second_opening_with_one() {
    let t = "\"It is an overreach,\" Tomas Brell, the attorney general of Norland, one of the provinces suing the agency, said at a forum.";
    assert_eq!(
        table(t),
        [row(
            "It is an overreach",
            Direct,
            Some("Tomas Brell"),
            Some("Tomas Brell"),
            Some("said")
        )]
    );
}

#[test]
fn plain_nouns_and_numbers_before_an_inverted_speakers_name() {
    let t = "\"They are wrong,\" said 7/4 survivor Ilse Marn.";
    assert_eq!(
        table(t),
        [row(
            "They are wrong",
            Direct,
            Some("Ilse Marn"),
            Some("7/4 survivor Ilse Marn"),
            Some("said")
        )]
    );
}

#[test]
fn sentence_opening_with_a_capitalised_cue_and_a_colon() {
    let t = "Odile Renn runs the port authority.\n\nSaid Renn: \"The harbour is full.\"";
    let got = table(t);
    assert_eq!(
        got,
        [row(
            "The harbour is full.",
            Direct,
            Some("Odile Renn"),
            Some("Renn"),
            Some("Said")
        )]
    );
}

#[test]
fn quoted_title_in_an_opening_phrase_is_not_content() {
    let t = "In an interview on Radio Norland's \"Morning Watch,\" Mayor Ilse Darrow said the bridge was \"a disgrace.\"";
    assert_eq!(
        table(t),
        [row(
            "the bridge was \"a disgrace.",
            Mixed,
            Some("Ilse Darrow"),
            Some("Mayor Ilse Darrow"),
            Some("said")
        )]
    );
}

#[test]
fn role_noun_with_a_prepositional_phrase_after_a_quote() {
    let t = "“The border stays open,” a spokeswoman for the interior ministry said.";
    assert_eq!(
        table(t),
        [row(
            "The border stays open",
            Direct,
            None,
            Some("a spokeswoman"),
            Some("said")
        )]
    );
}

#[test]
fn says_of_someone_before_a_quotation() {
    let t = "Ivo Brask praised his deputy on Monday.\n\nBrask says of Malen, “She never misses a meeting.”";
    let got = table(t);
    assert_eq!(
        got.last().unwrap(),
        &row(
            "She never misses a meeting.",
            Direct,
            Some("Ivo Brask"),
            Some("Brask"),
            Some("says")
        )
    );
}

#[test]
fn pronoun_subject_then_participle_tag_before_a_quotation() {
    let t =
        "Oskar Lind spoke first.\n\nHe then defended the remark, saying, “I stand by every word.”";
    assert_eq!(
        table(t),
        [row(
            "I stand by every word.",
            Direct,
            Some("Oskar Lind"),
            Some("He"),
            Some("saying")
        )]
    );
}

#[test]
fn capitalised_title_with_of_before_the_name() {
    let t = "Minister of Transport Ada Kvist said the line would reopen in \"a matter of weeks.\"";
    assert_eq!(
        table(t),
        [row(
            "the line would reopen in \"a matter of weeks.",
            Mixed,
            Some("Ada Kvist"),
            Some("Minister of Transport Ada Kvist"),
            Some("said")
        )]
    );
}

#[test]
fn addressee_with_an_adjective_in_ed_before_that() {
    let t = "Rolf Amsel told an assembled crowd in the town hall that he wants a budget \"built on honest numbers.\"";
    assert_eq!(
        table(t),
        [row(
            "he wants a budget \"built on honest numbers.",
            Mixed,
            Some("Rolf Amsel"),
            Some("Rolf Amsel"),
            Some("told")
        )]
    );
}

#[test]
fn colon_headline_in_title_case_may_end_with_a_period() {
    let t = "Varga: Harbour Deal Was ‘Reckless’ and Rushed.\n\nMayor Ilona Varga said on Monday the harbour deal was rushed.";
    let got = table(t);
    assert_eq!(
        got[0],
        row(
            "Harbour Deal Was ‘Reckless’ and Rushed",
            Mixed,
            Some("Ilona Varga"),
            Some("Varga"),
            Some(":")
        )
    );
}

#[test]
fn one_word_between_typographic_single_marks_is_a_quotation_but_rock_n_roll_is_not() {
    let t = "Mayor Ilona Varga said the deal was ‘reckless’ and rushed.\n\nHe loves rock ‘n’ roll, Varga said.";
    let got = table(t);
    assert_eq!(got[0].0, "the deal was ‘reckless’ and rushed");
    assert_eq!(got[0].1, Mixed);
    assert_eq!(got[1].1, Indirect);
}

#[test]
fn quotation_ending_a_sentence_inside_it_is_not_followed_by_its_tag() {
    let t = "Rask greeted Holm with the nickname \"Sleepy Ola.\" Rask called the mayor a \"lazy man\" and \"a fraud.\"";
    assert_eq!(
        table(t),
        [row(
            "the mayor a \"lazy man\" and \"a fraud.",
            Mixed,
            Some("Rask"),
            Some("Rask"),
            Some("called")
        )]
    );
}

#[test]
fn quotation_opening_its_sentence_ending_in_a_period_keeps_its_tag() {
    let t = "\"We will rebuild the pier.\" Mayor Ola Holm said on Friday.";
    assert_eq!(
        table(t),
        [row(
            "We will rebuild the pier.",
            Direct,
            Some("Ola Holm"),
            Some("Mayor Ola Holm"),
            Some("said")
        )]
    );
}

#[test]
fn that_after_a_cue_following_a_quotation_is_no_inverted_speaker() {
    let t = "City Attorney Mira Dahl said the leaflet \"plainly and wrongly\" suggests that Tarnby police back the candidate.";
    assert_eq!(
        table(t),
        [row(
            "the leaflet \"plainly and wrongly\" suggests that Tarnby police back the candidate",
            Mixed,
            Some("Mira Dahl"),
            Some("City Attorney Mira Dahl"),
            Some("said")
        )]
    );
}

#[test]
fn addressee_of_plain_nouns_before_a_pronoun_clause_is_not_content() {
    let t = "Senator Ivo Brask told the forum he was \"firmly against the toll\" because it hurt farmers.";
    assert_eq!(
        table(t),
        [row(
            "he was \"firmly against the toll\" because it hurt farmers",
            Mixed,
            Some("Ivo Brask"),
            Some("Senator Ivo Brask"),
            Some("told")
        )]
    );
}

#[test]
fn promise_or_directive_with_quoted_words_is_a_mixed_quote() {
    assert_eq!(
        table("Governor Ilse Marten vowed to harshly punish “those who break the quarantine.”"),
        [row(
            "to harshly punish “those who break the quarantine.",
            Mixed,
            Some("Ilse Marten"),
            Some("Governor Ilse Marten"),
            Some("vowed")
        )]
    );
    assert_eq!(
        table(
            "Ilse Marten urged her supporters to check the ballot boxes “for any funny business.”"
        ),
        [row(
            "her supporters to check the ballot boxes “for any funny business.",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("urged")
        )]
    );
    // Without quoted words a promise is no attribution; a question word after "asked" keeps
    // the reported question.
    assert_eq!(table("Ilse Marten vowed to reopen the harbour by May."), []);
    assert_eq!(
        table("Ilse Marten asked whether the panel would be “fair” to her."),
        [row(
            "whether the panel would be “fair” to her",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("asked")
        )]
    );
}

#[test]
fn promise_frame_needs_the_quotation_in_its_own_complement() {
    // The quotation belongs to the main verb "said", not to the relative clause's "vowed".
    assert_eq!(
        table(
            "Ilse Marten, who has vowed not to let the mill close, said the town had heard \
             the owners “loud and clear”."
        ),
        [row(
            "the town had heard the owners “loud and clear",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("said")
        )]
    );
}

#[test]
fn capitalised_modifiers_after_a_determiner_and_possessive_names_head_common_nouns() {
    assert_eq!(
        table("“We need a new bridge,” the Harwick businessman said."),
        [row(
            "We need a new bridge",
            Direct,
            None,
            Some("the Harwick businessman"),
            Some("said")
        )]
    );
    assert_eq!(
        table("The Aldous family has called on the council to release the tapes “without delay.”"),
        [row(
            "the council to release the tapes “without delay.",
            Mixed,
            None,
            Some("The Aldous family"),
            Some("called on")
        )]
    );
}

#[test]
fn opening_focus_adverb_or_prepositional_phrase_without_comma_before_the_speaker() {
    assert_eq!(
        table("Even Norland, the island's only ally, said it was “firmly opposed” to the vote."),
        [row(
            "it was “firmly opposed” to the vote",
            Mixed,
            Some("Norland"),
            Some("Norland"),
            Some("said")
        )]
    );
    assert_eq!(
        table("In a radio interview Ilse Marten declared “the old bridge may be obsolete.”"),
        [row(
            "the old bridge may be obsolete.",
            Direct,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("declared")
        )]
    );
}

#[test]
fn two_framing_verbs_each_with_quoted_words_are_two_mixed_quotes() {
    assert_eq!(
        table(
            "Ilse Marten called the bank's conduct “shameful” and called for bonuses to be \
             “clawed back” from its directors."
        ),
        [
            row(
                "the bank's conduct “shameful",
                Mixed,
                Some("Ilse Marten"),
                Some("Ilse Marten"),
                Some("called")
            ),
            row(
                "bonuses to be “clawed back",
                Mixed,
                Some("Ilse Marten"),
                Some("Ilse Marten"),
                Some("called for")
            )
        ]
    );
}

#[test]
fn manner_adverb_between_speaker_and_framing_verb() {
    assert_eq!(
        table("In May, Ilse Marten openly dismissed the port as a “ghost harbour” at a rally."),
        [row(
            "the port as a “ghost harbour",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("dismissed")
        )]
    );
}

#[test]
fn participle_after_a_document_noun_or_a_subordinator_reports_the_clause_subject() {
    assert_eq!(
        table("The Harbour Board issued a statement calling the closure “a clear breach” of the lease."),
        [row(
            "the closure “a clear breach",
            Mixed,
            Some("Harbour Board"),
            Some("The Harbour Board"),
            Some("calling")
        )]
    );
    assert_eq!(
        table("Ilse Marten left the hall while chanting, “Open the gates.”"),
        [row(
            "Open the gates.",
            Direct,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("chanting")
        )]
    );
}

#[test]
fn person_shown_in_footage_is_the_subject_of_its_participle() {
    assert_eq!(
        table(
            "The advert closes with footage of Ilse Marten saying during the debate last week, \
             “That makes me thrifty,” as her rival objected."
        ),
        [row(
            "That makes me thrifty",
            Direct,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("saying")
        )]
    );
}

#[test]
fn adverbials_leading_to_that_open_the_tags_own_content() {
    assert_eq!(
        table(
            "After the first reports of the blast, but before the police had spoken, Governor \
             Ilse Marten said at a rally in Port Alma that “a bomb” had gone off."
        ),
        [row(
            "a bomb” had gone off",
            Mixed,
            Some("Ilse Marten"),
            Some("Governor Ilse Marten"),
            Some("said")
        )]
    );
}

#[test]
fn framing_participle_after_a_comma_reports_the_clause_subject() {
    assert_eq!(
        table("Ilse Marten left the hall early, calling the vote “a farce” in front of reporters."),
        [row(
            "the vote “a farce",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("calling")
        )]
    );
}

#[test]
fn interrupting_tag_before_a_copula_and_a_quotation_covers_the_whole_sentence() {
    assert_eq!(
        table("The port's old cranes, she added, are like “museum pieces that still work.”"),
        [row(
            "The port's old cranes, she added, are like “museum pieces that still work.",
            Mixed,
            None,
            Some("she"),
            Some("added")
        )]
    );
}

#[test]
fn framing_verb_coordinated_with_the_main_verb_and_exhortations() {
    assert_eq!(
        table("Ilse Marten also outlined her port plan and vowed to fine “every ship that dumps oil.”"),
        [row(
            "to fine “every ship that dumps oil.",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("vowed")
        )]
    );
    assert_eq!(
        table("Ilse Marten encouraged her voters to “watch every ballot box.”"),
        [row(
            "her voters to “watch every ballot box.",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("encouraged")
        )]
    );
}

#[test]
fn horizontal_bar_works_as_a_dash_between_clauses() {
    // The tag after the second bar is the quote's; the clause before it is reported speech of
    // its own ("noted that …"), not content running into the quotation.
    assert_eq!(
        table(
            "When Ilse Marten noted that Tor Aldous had paid no port dues ― as was true for \
             years ― Aldous boasted, “That makes me thrifty.”"
        ),
        [
            row(
                "Tor Aldous had paid no port dues",
                Indirect,
                Some("Ilse Marten"),
                Some("Ilse Marten"),
                Some("noted")
            ),
            row(
                "That makes me thrifty.",
                Direct,
                Some("Tor Aldous"),
                Some("Aldous"),
                Some("boasted")
            )
        ]
    );
}

#[test]
fn participle_after_a_document_noun_and_a_time_phrase() {
    assert_eq!(
        table(
            "Ilse Marten sent a series of messages early Friday saying that her rival had \
             hired Tor Aldous “as a model of virtue.”"
        ),
        [row(
            "her rival had hired Tor Aldous “as a model of virtue.",
            Mixed,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("saying")
        )]
    );
}

#[test]
fn as_x_put_it_attributes_the_clause_it_closes_or_opens() {
    assert_eq!(
        table(
            "Most applicants need a degree, but the main test for the permit is a “lawful \
             source of income,” as a ministry memo put it."
        ),
        [row(
            "the main test for the permit is a “lawful source of income",
            Mixed,
            None,
            Some("a ministry memo"),
            Some("put it")
        )]
    );
    assert_eq!(
        table(
            "As Ms. Varga put it in a statement in July, the channel is “offering a view you \
             won't get elsewhere.”"
        ),
        [row(
            "the channel is “offering a view you won't get elsewhere.",
            Mixed,
            Some("Varga"),
            Some("Ms. Varga"),
            Some("put it")
        )]
    );
    // Mid-sentence with adverbials after it, the tag is left alone.
    assert_eq!(
        table("He was seen, as the Harwick Courier put it in a long profile, “the operator.”"),
        []
    );
}

#[test]
fn organisation_name_with_its_of_complement_after_an_opening_phrase() {
    assert_eq!(
        table(
            "In a statement announcing the pick, the Association of Ferry Pilots called Ilse \
             Marten a “champion” for its members."
        ),
        [row(
            "Ilse Marten a “champion",
            Mixed,
            Some("Association of Ferry Pilots"),
            Some("the Association of Ferry Pilots"),
            Some("called")
        )]
    );
}

#[test]
fn opening_phrase_with_a_comma_of_its_own_before_the_participles_subject() {
    assert_eq!(
        table(
            "Following a swiftly called, late-night meeting, the Harbour Board issued a \
             statement calling the spill “a clear violation” of the lease."
        ),
        [row(
            "the spill “a clear violation",
            Mixed,
            Some("Harbour Board"),
            Some("the Harbour Board"),
            Some("calling")
        )]
    );
}

#[test]
fn adverb_between_the_conjunction_and_a_coordinated_cue_and_shouting_verbs() {
    // An auxiliary is no such adverb: "report to the council" is no report of speech.
    assert_eq!(
        table("The mission will be based in Tarn and will report to the council every week."),
        []
    );
    assert_eq!(
        table(
            "Ilse Marten begs her brother to leave the boat and repeatedly says, “Don't you \
             dare,” until the engine starts."
        ),
        [row(
            "Don't you dare",
            Direct,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("says")
        )]
    );
    assert_eq!(
        table("“Is he hurt? He had better be fine,” Ilse Marten yells from the quay."),
        [row(
            "Is he hurt? He had better be fine",
            Direct,
            Some("Ilse Marten"),
            Some("Ilse Marten"),
            Some("yells")
        )]
    );
}
