// Speaker attribution and coreference (src/quote/speakers.rs and the speaker bookkeeping in
// src/quote/mod.rs): one test per kind of resolution, on small invented articles, with the exact
// resolved speaker of each quote. Names, places and outlets are fictional.

mod quote_common;

use newsquote::quote::Quote;
use quote_common::quotes;

/// The resolved speaker of the quote whose text starts with `start`.
fn speaker_of(qs: &[Quote], start: &str) -> Option<String> {
    let q = qs
        .iter()
        .find(|q| q.text.starts_with(start))
        .unwrap_or_else(|| {
            panic!(
                "no quote starting {start:?}; got:\n{}",
                qs.iter()
                    .map(|q| format!("  {:?} <- {:?}", q.text, q.speaker))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
    q.speaker.clone()
}

fn assert_speaker(qs: &[Quote], start: &str, want: Option<&str>) {
    assert_eq!(
        speaker_of(qs, start).as_deref(),
        want,
        "speaker of {start:?}; all: {:?}",
        qs.iter()
            .map(|q| (&q.text, &q.speaker, q.mention.as_ref().map(|m| &m.text)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn postnominal_letters_are_not_part_of_the_name() {
    // "MP" after the name; "he" goes to the member who was just named, not to the Speaker
    // named earlier in a possessive.
    let qs = quotes(
        "Members were told it would be brought to Speaker Lida Crane's attention. In the \
         chamber, opposition frontbencher Oren Mavis MP demanded an immediate statement.\n\
         Raising a point of order, he said it was \"a grave discourtesy to this House\".\n",
    );
    assert_speaker(&qs, "it was \"a grave", Some("Oren Mavis"));
}

#[test]
fn role_noun_before_the_name_spokeswoman_is_the_press_secretary() {
    // Cataphora: "a Vell spokeswoman" is named two paragraphs later as press secretary; the
    // modifier "Vell" names whose spokeswoman she is.
    let qs = quotes(
        "Anton Vell and Marek Dosz discussed a summit in Corvia, a Vell spokeswoman said on \
         Monday.\n\
         \"It is an interesting idea,\" foreign policy aide Piet Loran told reporters.\n\
         Palace Press Secretary Ines Maro Tull said later that the two leaders had discussed \
         several venues.\n",
    );
    assert_speaker(&qs, "Anton Vell and Marek Dosz", Some("Ines Maro Tull"));
    assert_speaker(&qs, "It is an interesting idea", Some("Piet Loran"));
}

#[test]
fn role_noun_before_the_name_in_the_next_sentence() {
    // The title comes first; the next sentence opens with the holder's full name, untitled.
    let qs = quotes(
        "Norland's Chief Cabinet Secretary told reporters the rocket was likely \"the same as \
         before\". Haru Tamsin condemned the launch in the strongest terms.\n",
    );
    assert_speaker(&qs, "the rocket was likely", Some("Haru Tamsin"));
}

#[test]
fn unnamed_title_with_no_holder_stays_null() {
    // No one in the article holds the title: the speaker stays null, the mention is kept.
    let qs = quotes(
        "Estovia's defence minister said the drills would go on. Analysts doubted it.\n\
         The harbour will stay closed, a senior official said.\n",
    );
    assert_speaker(&qs, "the drills would go on", None);
    assert_speaker(&qs, "The harbour will stay closed", None);
}

#[test]
fn epithet_with_former_refers_to_the_person_in_focus() {
    let qs = quotes(
        "Defence Secretary Joel Arden spoke at length on Saturday about the border.\n\
         \"This is a very complex situation,\" said the former Navy Admiral. \"We are patient.\"\n\
         \"We will not be moved,\" he continued.\n",
    );
    assert_speaker(&qs, "This is a very complex", Some("Joel Arden"));
    assert_speaker(&qs, "We will not be moved", Some("Joel Arden"));
}

#[test]
fn the_statement_resolves_to_its_issuer() {
    let qs = quotes(
        "The probe entered orbit on Sunday, said a statement issued by the National Space \
         Research Board of Estovia.\n\
         More probes will follow in the coming years, the statement said.\n",
    );
    assert_speaker(
        &qs,
        "More probes will follow",
        Some("National Space Research Board"),
    );
}

#[test]
fn statement_named_before_its_noun() {
    let qs = quotes(
        "\"The treaty is in danger,\" the Alliance ministers' statement read on Tuesday.\n\
         The statement said members \"strongly support\" the inspections.\n",
    );
    assert_speaker(&qs, "members \"strongly support", Some("Alliance"));
}

#[test]
fn acronym_in_parentheses_is_the_same_body() {
    let qs = quotes(
        "The launch succeeded on Sunday, the Estovian Central Broadcasting Service (ECBS) \
         reported.\n\
         The satellite entered its orbit at noon, said the ECBS.\n",
    );
    assert_speaker(
        &qs,
        "The launch succeeded",
        Some("Estovian Central Broadcasting Service"),
    );
    assert_speaker(
        &qs,
        "The satellite entered",
        Some("Estovian Central Broadcasting Service"),
    );
}

#[test]
fn described_state_body_and_the_ministry() {
    // A body named by description keeps the description as its name; "the ministry" refers
    // back to it.
    let qs = quotes(
        "Several cadres were promoted in what the Norlandic reunification ministry said could \
         be a bid for a breakthrough.\n\
         \"The reshuffle reflects a new seriousness,\" the ministry said in a statement.\n\
         The missile flew 700 km, according to Estovia's military.\n",
    );
    assert_speaker(
        &qs,
        "The reshuffle reflects",
        Some("Norlandic reunification ministry"),
    );
    assert_speaker(&qs, "The missile flew", Some("Estovia's military"));
}

#[test]
fn newspaper_keeps_its_article() {
    let qs = quotes(
        "The Corvia Post reported that the talking points advised against congratulating him.\n",
    );
    assert_speaker(&qs, "the talking points", Some("The Corvia Post"));
}

#[test]
fn agency_quoted_someone_as_saying() {
    // The medium relays; the person it quotes is the speaker.
    let qs = quotes(
        "General Tovan Reyk ordered the drill on Tuesday.\n\
         \"The drill is the first step of our operation,\" the state agency KTNA quoted Reyk as \
         saying.\n",
    );
    assert_speaker(&qs, "The drill is the first step", Some("Tovan Reyk"));
    let m = qs[0].mention.as_ref().unwrap();
    assert_eq!(m.text, "Reyk");
}

#[test]
fn outlet_cited_a_named_website() {
    let qs = quotes(
        "\"The attack was carried out by one of our fighters,\" Corvia Wire cited the Vastra, \
         Front-affiliated website.\n",
    );
    assert_speaker(&qs, "The attack was carried out", Some("Vastra"));
}

#[test]
fn appositive_name_after_a_role_noun() {
    let qs = quotes(
        "The head of the Green Party, Lena Ostrov, voiced opposition, calling the plan \
         \"reckless and unnecessary\".\n\
         Nadia Brek, the head of the Harbour Party, called the vote \"crazy\".\n",
    );
    assert_speaker(&qs, "the plan \"reckless", Some("Lena Ostrov"));
}

#[test]
fn named_person_and_other_officials() {
    let qs = quotes(
        "Senator Pavel Droz wrote that the report settled nothing.\n\
         Droz and other senior officials said that they expected more pressure on Estovia.\n",
    );
    assert_speaker(&qs, "they expected more pressure", Some("Pavel Droz"));
}

#[test]
fn statement_issued_by_an_organisation() {
    let qs = quotes(
        "According to a statement issued by the Harbour Authority early Saturday, \"the \
         leaders affirmed that the new rules were necessary.\"\n",
    );
    assert_speaker(&qs, "the leaders affirmed", Some("Harbour Authority"));
}

#[test]
fn it_refers_to_the_organisation_that_is_the_sentence_subject() {
    // "it" is the state that opens the sentence, not the one that spoke last.
    let qs = quotes(
        "Estovia said on Monday it would impose new sanctions on Norland.\n\
         The Norland Foreign Ministry has condemned the sanctions, but it said it was open to \
         talks with Estovia.\n",
    );
    assert_speaker(&qs, "it would impose new sanctions", Some("Estovia"));
    assert_speaker(
        &qs,
        "it was open to talks",
        Some("Norland Foreign Ministry"),
    );
}

#[test]
fn ministry_said_in_a_statement_then_the_statement() {
    let qs = quotes(
        "The Harbour Ministry said in a statement that the port would reopen in May.\n\
         Ferries will resume their routes, the statement said.\n",
    );
    assert_speaker(&qs, "the port would reopen", Some("Harbour Ministry"));
    assert_speaker(&qs, "Ferries will resume", Some("Harbour Ministry"));
}

#[test]
fn titles_and_possessives_inside_a_name_phrase() {
    // A post-nominal in the middle is a title; a plural possessive ends the owner's name.
    let qs = quotes(
        "Northern MEP Gerard Vanto said the vote was \"a disgrace\".\n\
         Harbour Networks' Sonia Trell Lamb said the deal was \"good value\".\n",
    );
    assert_speaker(&qs, "the vote was", Some("Gerard Vanto"));
    assert_speaker(&qs, "the deal was", Some("Sonia Trell Lamb"));
}

#[test]
fn contracted_pronoun_is_not_a_name() {
    let qs = quotes(
        "Minister Rosa Pell opened the bridge on Friday.\n\
         \"It's a proud day,\" she said.\n\
         It's often said that \"bridges make neighbours\".\n",
    );
    assert_speaker(&qs, "It's a proud day", Some("Rosa Pell"));
    assert!(qs.iter().all(|q| q.speaker.as_deref() != Some("It")));
}

#[test]
fn she_never_resolves_to_a_man_the_article_writes_as_he() {
    // The senator is the latest speaker and his gender is only in the narration's "he" and
    // "his"; the student is named later, with "her". "She" is the student.
    let qs = quotes(
        "Senator Aldo Brisk said the bill would pass. He told reporters his office had the votes.\n\
         Among the crowd outside was Mira Santane, 18, who said her parents had driven her there.\n\
         \"I don't have much interest in the vote,\" she said.\n",
    );
    assert_speaker(&qs, "I don't have much interest", Some("Mira Santane"));
}

#[test]
fn he_stays_with_the_sentence_subject_when_a_man_is_named_inside_it() {
    // "He" after "X, an adviser to Governor Y, said …": X, even though only Y is known male.
    let qs = quotes(
        "Governor Teo Marsh has said he will veto the bill. But Rian Colby, an adviser to Governor \
         Marsh, has said there would be no veto. He claimed the governor had no votes to spare.\n",
    );
    assert_speaker(&qs, "the governor had no votes", Some("Rian Colby"));
}

#[test]
fn a_gendered_role_noun_gives_the_gender() {
    // The congresswoman is never written with a pronoun before the quote; the mayor is "he".
    let qs = quotes(
        "Mayor Ivo Garth opened the session, and he thanked the council.\n\
         Congresswoman Dela Ferris spoke next.\n\
         \"We will not wait another year,\" she said.\n",
    );
    assert_speaker(&qs, "We will not wait", Some("Dela Ferris"));
}

#[test]
fn shadow_and_deputy_titles_are_other_offices() {
    // "the chancellor" is the one introduced as chancellor, not the shadow chancellor; "the
    // prime minister" is not the deputy prime minister; "the foreign secretary" is not the
    // home secretary.
    let qs = quotes(
        "Chancellor Edwin Marsh clashed with shadow chancellor Piers Allard over the budget.\n\
         Deputy Prime Minister Ruth Olden and Prime Minister Colm Tavish met on Monday. Home \
         Secretary Anton Greeve and Foreign Secretary Lise Norquay were also there.\n\
         \"The sums add up,\" the chancellor said.\n\
         \"We will win the vote,\" the prime minister said.\n\
         \"Talks will go on,\" the foreign secretary said.\n\
         \"The sums do not add up,\" the shadow chancellor said.\n",
    );
    assert_speaker(&qs, "The sums add up", Some("Edwin Marsh"));
    assert_speaker(&qs, "We will win the vote", Some("Colm Tavish"));
    assert_speaker(&qs, "Talks will go on", Some("Lise Norquay"));
    assert_speaker(&qs, "The sums do not add up", Some("Piers Allard"));
}

#[test]
fn a_former_holder_is_not_the_holder() {
    let qs = quotes(
        "Ex-Labour chancellor Hugo Penrose welcomed the plan on Tuesday.\n\
         \"It is long overdue,\" the chancellor said.\n",
    );
    assert_speaker(&qs, "It is long overdue", None);
}

#[test]
fn words_that_cannot_start_a_name() {
    // A sentence-initial function word or participle, a button label in capitals, a title
    // word and a place after "Attorney for" are not part of the speaker's name.
    let qs = quotes(
        "Senator Ola Brandt spoke first. Despite Brandt's warning, the vote went ahead.\n\
         Like Brandt, Vera Holm opposed it. \"This is a mistake,\" Holm said.\n\
         CLOSE Ivan Roper said the count was \"a farce\".\n\
         Chancellor of the Exchequer Dara Quill presented the budget. \"It is balanced,\" Quill said.\n\
         U.S. Attorney for Montana Joss Levin filed charges. \"The case is closed,\" Levin said.\n\
         Intensifying Brandt's feud, Mayor Tess Orrin said she was \"not afraid\".\n",
    );
    assert_speaker(&qs, "This is a mistake", Some("Vera Holm"));
    assert_speaker(&qs, "the count was", Some("Ivan Roper"));
    assert_speaker(&qs, "It is balanced", Some("Dara Quill"));
    assert_speaker(&qs, "The case is closed", Some("Joss Levin"));
    assert_speaker(&qs, "she was", Some("Tess Orrin"));
}

#[test]
fn hover_text_glued_to_a_name_is_cut() {
    // "Pell Harlan Joseph HarlanGOP …": a link's hover card glued into the text.
    let qs = quotes(
        "Senator Pell Harlan spoke on Monday.\n\
         \"We have the votes,\" Pell Harlan Joseph HarlanGOP said.\n",
    );
    assert_speaker(&qs, "We have the votes", Some("Pell Harlan"));
}

#[test]
fn a_title_no_one_holds_is_the_untitled_lede_figure() {
    // The lede names the premier without the office; "the prime minister" is him. "The
    // shadow chancellor" is someone else and stays unnamed.
    let qs = quotes(
        "Corran Vale has said he will call an election in the spring.\n\
         The prime minister said the economy was \"ready for the verdict of voters\".\n\
         The shadow chancellor said the claim was \"nonsense\".\n",
    );
    assert_speaker(&qs, "the economy was", Some("Corran Vale"));
    assert_speaker(&qs, "the claim was", None);
}

#[test]
fn a_surname_is_the_person_not_their_office() {
    let qs = quotes(
        "Acting U.S. Attorney Joshua Penn announced the charges. Penn's office said the \
         defendant, Arlo Benning, would appear in court.\n\
         \"Pick a profession and stick to it,\" Penn said.\n",
    );
    assert_speaker(&qs, "Pick a profession", Some("Joshua Penn"));
}

#[test]
fn a_surname_gets_the_full_name_when_two_people_share_it() {
    // Two Tarrows are named in full, and the colonel also by rank and surname: "Tarrow said"
    // is one of the full names (the one in focus), never the bare surname.
    let qs = quotes(
        "Lt Col Anders Tarrow testified on Tuesday; his brother Emil Tarrow sat behind him.\n\
         Lt Col Tarrow told the committee he had raised the alarm.\n\
         \"I did my duty,\" Tarrow said.\n\
         Baroness Pruett, who chaired the inquiry, said she was satisfied. Delia Pruett added \
         that the report would be \"published in full\".\n",
    );
    assert_speaker(&qs, "I did my duty", Some("Anders Tarrow"));
    assert_speaker(&qs, "she was satisfied", Some("Delia Pruett"));
}

#[test]
fn the_member_for_a_place_is_a_role_noun() {
    // "The MP for Eastwick and Harrowmere": the place is not a speaker; the MP is the one the
    // article introduced as an MP.
    let qs = quotes(
        "Labour MP Tobin Rusk has praised the opposition's campaign.\n\
         The MP for Eastwick and Harrowmere said the leader had been \"trying very hard\".\n",
    );
    assert_speaker(&qs, "the leader had been", Some("Tobin Rusk"));
}

#[test]
fn a_name_that_opens_with_an_ing_word_keeps_it() {
    // Only a participle before a possessive ("Intensifying Brandt's feud") is cut; "Licensing
    // Act" and "Evening Chronicle" are names.
    let qs = quotes(
        "The Evening Chronicle said the plan was \"dead in the water\".\n\
         The Licensing Act says pubs must \"close by midnight\".\n",
    );
    assert_speaker(&qs, "the plan was", Some("Evening Chronicle"));
    assert_speaker(&qs, "pubs must", Some("Licensing Act"));
}

#[test]
fn a_peer_known_by_one_name_keeps_the_peerage() {
    // "Baroness Merrow" is the name; "Merrow" alone would be a place. A peer the article also
    // names in full resolves to the full name.
    let qs = quotes(
        "Home Office minister Baroness Merrow said the bill would protect victims.\n\
         Later she said the change was \"urgent\".\n\
         Former Speaker Agnes Tolland chaired the debate. Lady Tolland said the vote was fair.\n",
    );
    assert_speaker(&qs, "the bill would protect", Some("Baroness Merrow"));
    assert_speaker(&qs, "the change was", Some("Baroness Merrow"));
    assert_speaker(&qs, "the vote was fair", Some("Agnes Tolland"));
}

#[test]
fn capitals_labels_and_title_acronyms_before_a_name_are_cut() {
    let qs = quotes(
        "KEY POINTS Mara Lindqvist said the channel would reopen.\n\
         Ferrolink COO Jonas Brell said the fares would rise.\n",
    );
    assert_speaker(&qs, "the channel would", Some("Mara Lindqvist"));
    assert_speaker(&qs, "the fares would", Some("Jonas Brell"));
}

#[test]
fn a_sentence_opening_participle_is_not_part_of_a_name() {
    // A crosshead "Intensifying Halvorsen criticism of …" must not make "Intensifying
    // Halvorsen" the person a later "Halvorsen said" resolves to.
    let qs = quotes(
        "Governor Petra Halvorsen toured the docks on Monday.\n\
         Intensifying Halvorsen criticism of the council\n\
         \"The council has failed the port,\" Halvorsen said.\n",
    );
    assert_speaker(&qs, "The council has failed", Some("Petra Halvorsen"));
}

#[test]
fn he_added_continues_the_previous_speaker() {
    // The quote names another man; "he added" right after the MP's attribution is the MP's.
    let qs = quotes(
        "Labour MP Tobin Rusk has praised the opposition's campaign. Mr Rusk wants a vote soon.\n\
         The MP for Eastwick and Harrowmere said Governor Tomas Rell had been \"trying hard\". \
         But Mr Rell had been \"hurt\" by the tunnel row, he added.\n",
    );
    assert_speaker(&qs, "But Mr Rell had been", Some("Tobin Rusk"));
    // With a sentence about someone else in between, the pronoun is theirs.
    let qs = quotes(
        "Councillor Jon Brask said the four men had been \"badly treated\".\n\
         Anwar Dale, father of one of them, thanked his lawyers for their support. He added: \
         \"They should never have been held.\"\n",
    );
    assert_speaker(&qs, "They should never", Some("Anwar Dale"));
}

#[test]
fn a_spokesman_is_not_the_figure_in_focus() {
    // "a Labour spokesman" speaks for the party, not for the MP the lede named.
    let qs = quotes(
        "Tobin Rusk has said the campaign is too long.\n\
         A Labour spokesman said the party already had a plan.\n",
    );
    assert_speaker(&qs, "the party already", None);
}

#[test]
fn a_lead_in_closed_by_a_colon_is_not_quoted() {
    // `At the quay later: "…," X said`: the words before the colon are the writer's.
    let qs = quotes("At the quay later: \"We will rebuild the pier,\" Mayor Ilse Varenko said.\n");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "We will rebuild the pier");
    assert_eq!(qs[0].kind, newsquote::quote::QuoteKind::Direct);
    assert_speaker(&qs, "We will rebuild", Some("Ilse Varenko"));
}
