//! Speakers: what a speaker phrase is (a name, a pronoun, a role noun, an organisation), the
//! people and organisations an article introduces, and coreference inside one article.
//!
//! News writing introduces a person once with a title and the full name ("Russian President
//! Vladimir Putin", "North Korean leader Kim Jong-un", "Tomas Reyes, a paramedic,") and then uses
//! the surname, an honorific ("Mr Blair"), a pronoun or a role noun ("the Russian leader", "the
//! minister"). [`Registry::build`] collects the introductions of the whole article first (so a
//! colon headline above the lede can use them); [`Registry::resolve`] maps a speaker phrase to the
//! canonical full name: surname → the entity whose name contains it; he/she → the most recent
//! speaker or subject of compatible gender; a definite role noun → the most recent entity
//! introduced with that title and, when given, nationality; indefinite and plural sources
//! ("a senior official", "officials") stay unnamed. Checked on the seed, the speakers dev set and
//! the BBC politics pieces.

use super::lexicon::{self, class};
use super::tokens::{Kind, Tok};

/// Grammatical gender known for an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// What a speaker phrase is.
#[derive(Debug, Clone)]
pub enum Np {
    /// "he", "she", "they", "it", "who".
    Pronoun {
        word: String,
        gender: Option<Gender>,
    },
    /// A proper name, with the roles written around it.
    Name {
        name: String,
        keys: Vec<String>,
        org: bool,
        roles: Vec<String>,
        gender: Option<Gender>,
    },
    /// A description without a name: "the Russian president", "a senior official".
    Role {
        head: String,
        mods: Vec<String>,
        definite: bool,
        unnamed: bool,
    },
}

fn is_name_token(t: &Tok) -> bool {
    t.is_word()
        && t.cap
        && !t.has(class::TITLE | class::STOP | class::DET)
        && !is_title_word(&t.lower)
        && !lexicon::is_compound_title(&t.lower)
        && (!t.has(class::ROLE) || t.has(class::ORG))
}

fn gender_of(toks: &[Tok]) -> Option<Gender> {
    for t in toks {
        if t.has(class::DET) {
            continue;
        }
        if t.has(class::MALE) {
            return Some(Gender::Male);
        }
        if t.has(class::FEMALE) {
            return Some(Gender::Female);
        }
    }
    None
}

/// Splits a name's words into lower-case keys ("Kim Jong-un" → kim, jong-un).
fn keys_of(toks: &[Tok]) -> Vec<String> {
    toks.iter()
        .filter(|t| t.is_word())
        .map(|t| t.stem().to_string())
        .collect()
}

/// Analyses the tokens of a speaker phrase.
pub fn analyze(text: &str, toks: &[Tok]) -> Option<Np> {
    // "Andrew Tyrie MP": a post-nominal letter title after a name is not part of it.
    let mut toks = toks;
    while toks.len() >= 2 && is_postnominal(&toks[toks.len() - 1]) && toks[toks.len() - 2].cap {
        toks = &toks[..toks.len() - 1];
    }
    if let Some(np) = descriptive_org(text, toks) {
        return Some(np);
    }
    let words: Vec<&Tok> = toks.iter().filter(|t| !t.is_punct('-')).collect();
    let last = *words.last()?;
    // "Others said", "Three-quarters said", "nine out of 10 say": a quantifier or a share is an
    // unnamed group, even when capitalised at the sentence start.
    // "his claim that …": a possessive pronoun owning a nominal cue stands for its person.
    if words.len() == 1 && matches!(&*last.lower, "his" | "her" | "their" | "its") {
        let (word, gender) = match &*last.lower {
            "his" => ("he", Some(Gender::Male)),
            "her" => ("she", Some(Gender::Female)),
            "their" => ("they", None),
            _ => ("it", None),
        };
        return Some(Np::Pronoun {
            word: word.to_string(),
            gender,
        });
    }
    let last_part = last.lower.rsplit('-').next().unwrap_or("");
    if matches!(
        last_part,
        "others"
            | "many"
            | "most"
            | "some"
            | "both"
            | "several"
            | "few"
            | "majorities"
            | "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fourths"
            | "fifths"
            | "half"
    ) || words.len() >= 3
        && words[words.len() - 2].lower == "of"
        && words[words.len() - 3].lower == "out"
    {
        return None;
    }
    // "It's often referred to as …": a contracted pronoun is still a pronoun, not a name.
    if words.len() == 1 && last.stem() != &*last.lower {
        let stem = last.stem();
        if matches!(
            stem,
            "it" | "he" | "she" | "they" | "that" | "this" | "there"
        ) {
            let gender = match stem {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            return Some(Np::Pronoun {
                word: stem.to_string(),
                gender,
            });
        }
    }
    if words.len() == 1 && last.has(class::PRONOUN) && !last.cap
        || words.len() == 1
            && last.has(class::PRONOUN)
            && matches!(
                &*last.lower,
                "he" | "she" | "they" | "it" | "we" | "i" | "er" | "sie" | "il" | "elle"
            )
    {
        let gender = if last.has(class::MALE) {
            Some(Gender::Male)
        } else if last.has(class::FEMALE) {
            Some(Gender::Female)
        } else {
            None
        };
        return Some(Np::Pronoun {
            word: last.lower.to_string(),
            gender,
        });
    }
    // The name run at the end of the phrase.
    let n = toks.len();
    let mut k = n;
    while k > 0 {
        let t = &toks[k - 1];
        // "Sky Networks' Sophie Laing": a plural possessive ends the owner, not the name; a
        // post-nominal inside the phrase ("London MEP Gerard Batten") is a title.
        let plural_possessive = t.lower.ends_with("s'") || t.lower.ends_with("s’");
        let ok = is_name_token(t)
            && !((t.is_possessive() || plural_possessive) && k < n)
            && !is_postnominal(t)
            || (t.is_word() && t.has(class::PARTICLE) && !t.cap && k < n && k > 1)
            || (t.is_word()
                && (t.lower == "of" || t.lower == "for")
                && k < n
                && k > 1
                && toks[k - 2].cap
                && toks[k - 2].has(class::ORG))
            || (t.is_punct('-') && k < n && k > 1);
        if !ok {
            break;
        }
        k -= 1;
    }
    // A run may not begin with a particle or hyphen.
    while k < n && !(toks[k].is_word() && toks[k].cap) {
        k += 1;
    }
    // An organisation's name keeps its capitalised descriptive words: "National Aerospace
    // Development Administration", "Foreign Ministry" (titles only before a person's name).
    if k < n && toks[n - 1].has(class::ORG) && !toks[n - 1].is_possessive() {
        while k > 0
            && toks[k - 1].is_word()
            && toks[k - 1].cap
            && !toks[k - 1].is_possessive()
            && !toks[k - 1].has(class::DET | class::STOP | class::PRONOUN)
        {
            k -= 1;
        }
    }
    if k < n && !toks[n - 1].has(class::ORG) {
        k = trim_name_start(text, toks, k);
        if let Some(np) = role_of_place(text, toks, k) {
            return Some(np);
        }
    }
    let gender = gender_of(&toks[..k]);
    if k < n {
        let run = &toks[k..];
        // "Donald John TrumpGOP senators balk …": a link's hover text glued to the name. The
        // glued word's own capitalised part is the name the text meant ("Trump").
        let glued = run
            .iter()
            .position(|t| glued_at(&text[t.start..t.end]).is_some());
        if let Some(g) = glued {
            let t = &run[g];
            let cut = glued_at(&text[t.start..t.end]).unwrap_or(0);
            let name = text[t.start..t.start + cut].to_string();
            let keys = vec![name.to_lowercase()];
            return Some(Np::Name {
                name,
                keys,
                org: false,
                roles: Vec::new(),
                gender,
            });
        }
        let mut name = text[run[0].start..run[run.len() - 1].end].to_string();
        if run[run.len() - 1].is_possessive() {
            // "Vladimir Putin's visit": the name without the possessive ending.
            let cut = name.rfind(['\'', '’']).unwrap_or(name.len());
            name.truncate(cut);
        }
        let keys = keys_of(run);
        // "Baroness Scotland", "Lord Ireland": a peer known by one name keeps the peerage, the
        // name people use; without it the speaker was a place ("Scotland"). The keys stay the
        // name's, so "Lady Boothroyd" still resolves to "Betty Boothroyd" when the article
        // gives her full name.
        let peer = run.len() == 1 && k > 0 && toks[k - 1].cap && is_peerage(&toks[k - 1].lower);
        if peer {
            name = format!("{} {name}", &text[toks[k - 1].start..toks[k - 1].end]);
        }
        // "The Washington Post": a newspaper keeps its article in its name.
        if k > 0
            && toks[k - 1].lower == "the"
            && name
                .split_whitespace()
                .last()
                .is_some_and(is_newspaper_word)
        {
            name = format!("The {name}");
        }
        let lower_name = name.to_lowercase();
        let org = !peer
            && (run.iter().any(|t| t.has(class::ORG))
                || lexicon::state_name(&lower_name).is_some()
                || (run.len() == 1
                    && name.len() >= 2
                    && name.chars().all(|c| c.is_uppercase() || c == '.')));
        let roles = toks[..k]
            .iter()
            .filter(|t| t.is_word() && !t.has(class::DET))
            .map(|t| t.stem().to_string())
            .collect();
        return Some(Np::Name {
            name,
            keys,
            org,
            roles,
            gender,
        });
    }
    // "North Korea's official KCNA news agency", "the White House statement": the organisation
    // named before a document or media noun ("an IS-affiliated website" is a description).
    let indefinite = words.first().is_some_and(|t| t.has(class::INDEF));
    if !indefinite
        && matches!(
            last.stem(),
            "agency"
                | "statement"
                | "newspaper"
                | "daily"
                | "broadcaster"
                | "website"
                | "channel"
                | "network"
                | "report"
                | "account"
                | "tabloid"
                | "magazine"
                | "outlet"
                | "station"
                | "television"
                | "radio"
                | "paper"
                | "media"
                | "service"
        )
    {
        let mut e = n - 1;
        while e > 0
            && toks[e - 1].is_word()
            && !toks[e - 1].cap
            && matches!(
                &*toks[e - 1].lower,
                "news" | "state" | "official" | "press" | "wire"
            )
        {
            e -= 1;
        }
        let mut s2 = e;
        while s2 > 0 && is_name_token(&toks[s2 - 1]) && !(toks[s2 - 1].is_possessive() && s2 < e) {
            s2 -= 1;
        }
        if s2 < e && !toks[e - 1].is_possessive() {
            let run = &toks[s2..e];
            let name = text[run[0].start..run[run.len() - 1].end].to_string();
            return Some(Np::Name {
                name,
                keys: keys_of(run),
                org: true,
                roles: Vec::new(),
                gender: None,
            });
        }
    }
    // No name: a role noun phrase.
    if !(last.has(class::ROLE | class::TITLE) || lexicon::is_compound_title(&last.lower)) {
        // A capitalised organisation like "the Kremlin" is caught above; anything else is not
        // a speaker phrase.
        return None;
    }
    let det = words.first().filter(|t| t.has(class::DET));
    let definite = det.is_some_and(|d| !d.has(class::INDEF));
    let head = last.stem().to_string();
    let cap_mods = words[..words.len() - 1]
        .iter()
        .any(|t| t.cap && !t.has(class::DET));
    let unnamed = last.has(class::UNNAMED)
        || det.is_some_and(|d| d.has(class::INDEF)) && !cap_mods
        || (det.is_none() && !last.cap && words.len() == 1);
    // "a Kremlin spokesman", "Japan's Chief Cabinet Secretary": specific enough to resolve to
    // the one person the article names with that role.
    let definite = definite || cap_mods;
    let mods = words[..words.len() - 1]
        .iter()
        .filter(|t| !t.has(class::DET))
        .map(|t| t.stem().to_string())
        .collect();
    Some(Np::Role {
        head,
        mods,
        definite,
        unnamed,
    })
}

/// Whether the capitalised word at `s`, opening a sentence before the name window `s..e`, is
/// a participle ("Intensifying") or a sentence adverb ("Apparently", "Reportedly") followed,
/// after the window, by a lower-case word that is neither a cue nor an auxiliary (a noun:
/// "Intensifying Trump criticism of Clinton"). AllSides 3,000: 9 quotes went to "Intensifying
/// Trump", 5 to "Tying US", 3 to "Apparently California".
fn sentence_initial_modifier(toks: &[Tok], s: usize, e: usize, b: usize) -> bool {
    let w: &str = &toks[s].lower;
    let participle = w.len() >= 5 && w.ends_with("ing");
    let adverb = w.len() >= 7
        && [
            "ently", "antly", "ally", "ously", "ively", "edly", "ably", "ibly",
        ]
        .iter()
        .any(|x| w.ends_with(x));
    if !(toks[s].cap && (participle || adverb)) {
        return false;
    }
    if adverb {
        return true;
    }
    let next = toks.get(e).filter(|_| e < b);
    next.is_some_and(|t| {
        t.is_word()
            && !t.cap
            && !t.has(class::CUE | class::STOP | class::ADVERB)
            && !matches!(
                &*t.lower,
                "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would"
            )
    })
}

/// A peerage written before a peer's single title name ("Baroness Scotland", "Lord Falconer").
fn is_peerage(w: &str) -> bool {
    matches!(
        w,
        "lord"
            | "lady"
            | "baroness"
            | "baron"
            | "viscount"
            | "viscountess"
            | "earl"
            | "countess"
            | "marquess"
            | "duke"
            | "duchess"
    )
}

/// Title words the lexicon does not mark, that stood at the start of speaker names on real
/// news: "Chancellor of the Exchequer Gordon Brown" gave "Exchequer Gordon Brown", "Harbour
/// Master X" gave "Harbour Master X", "Special Counsel Robert Mueller" kept "Special Counsel".
fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "exchequer"
            | "master"
            | "counsel"
            | "commissioner"
            | "superintendent"
            | "inspector"
            // Peerages ("Baroness Boothroyd" is Betty Boothroyd).
            | "baroness"
            | "baron"
            | "viscount"
            | "earl"
            | "duke"
            | "duchess"
            | "countess"
            // Military ranks written without their period ("Lt Col Alexander Vindman").
            | "col"
            | "lt"
            | "gen"
            | "sgt"
            | "capt"
            | "maj"
            | "adm"
            | "cmdr"
    )
}

/// Capitalised words that open a sentence or a clause and are never the first word of a
/// name: "Despite Trump's …", "Like Obama, …", "Amid X's …". The lexicon's stop words cover
/// the commonest ones; these are the rest seen at the start of speaker names in 3,000
/// AllSides articles.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "despite"
            | "like"
            | "unlike"
            | "amid"
            | "among"
            | "following"
            | "including"
            | "until"
            | "upon"
            | "via"
            | "besides"
            | "against"
            | "unless"
            | "whether"
            | "once"
            | "even"
            | "just"
            | "only"
            | "both"
            | "all"
            | "according"
            | "behind"
            | "thanks"
            | "close"
            | "regarding"
            | "per"
            | "sources"
            | "did"
            | "does"
            | "do"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
    )
}

/// Moves the start `k` of a person's name run in `toks` past words that cannot begin a name:
/// - a function word opening the sentence ("Despite Trump", "Like Obama");
/// - a sentence-initial participle ("Intensifying Trump's feud …"): a capitalised word of six
///   letters or more in "-ing" before a name in the possessive (not "Evening Standard",
///   "Licensing Act", "Downing Street");
/// - a word in capitals before a name in mixed case ("CLOSE Donald Trump", a page's button
///   label glued to the text);
/// - a place after "TITLE for/of" ("U.S. Attorney for Massachusetts Joshua Levy"): the name
///   keeps its last two words (three with a middle initial).
///
/// Patterns from `newsquote speakers` on 3,000 AllSides articles (issue 3).
fn trim_name_start(text: &str, toks: &[Tok], mut k: usize) -> usize {
    let n = toks.len();
    loop {
        if n - k < 2 {
            return k;
        }
        let t = &toks[k];
        let w: &str = &t.lower;
        let raw_caps = w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !w.contains('.')
            && toks[k].is_word();
        if is_function_word(w)
            || (w.len() >= 6
                && w.ends_with("ing")
                && t.cap
                && toks[k + 1].cap
                && toks[n - 1].is_possessive())
            || (raw_caps && is_all_caps(text, t) && !is_all_caps(text, &toks[k + 1]))
        {
            k += 1;
            continue;
        }
        // "KEY POINTS Mia Khalifa", "JUST WATCHED W.H. …", "NEW YORK -- Jo Park": a run of
        // words in capitals (and the dashes after a dateline) glued before a name written in
        // mixed case is a label, not part of the name. A name written all in capitals
        // ("JUAN GONZÁLEZ") has no mixed-case word after it and is kept.
        if raw_caps && is_all_caps(text, t) {
            let mut j = k + 1;
            while j + 1 < n
                && (toks[j].is_word() && is_all_caps(text, &toks[j]) || toks[j].is_punct('-'))
            {
                j += 1;
            }
            if j + 1 < n
                && toks[j].is_word()
                && toks[j].cap
                && !is_all_caps(text, &toks[j])
                && (j - k >= 2)
            {
                k = j;
                continue;
            }
        }
        break;
    }
    // "Facebook COO Sheryl Sandberg", "AG Barr", "PM Jo Park": a title written as capitals
    // before the name.
    if let Some(j) = (k..n.saturating_sub(1)).find(|&j| {
        matches!(
            &*toks[j].lower,
            "ceo" | "coo" | "cfo" | "cto" | "ag" | "pm" | "seal" | "da" | "gop"
        ) && is_all_caps(text, &toks[j])
            && toks[j + 1].cap
            && !is_all_caps(text, &toks[j + 1])
    }) {
        k = j + 1;
    }
    place_after_title(toks, k, n)
}

/// The start of the name in the capitalised run `toks[k..n]` when the run follows "TITLE
/// for/of" ("Attorney for Montana Joss Levin", "Secretary of State Mo Lane"): the last two
/// words, three with a middle initial. Otherwise `k`.
fn place_after_title(toks: &[Tok], k: usize, n: usize) -> usize {
    if k >= 2
        && n - k >= 3
        && matches!(&*toks[k - 1].lower, "for" | "of")
        && (toks[k - 2].has(class::TITLE | class::ROLE) || is_title_word(&toks[k - 2].lower))
        && toks[k..n]
            .iter()
            .all(|t| t.is_word() && t.cap && !t.has(class::ORG))
    {
        let keep = if toks[n - 2].lower.ends_with('.') {
            3
        } else {
            2
        };
        return k.max(n - keep);
    }
    k
}

/// "The MP for Sittingbourne and Sheppey", "the mayor of Dunmore": a definite role noun whose
/// prepositional phrase names a place. The capitalised words at the end are the place, not the
/// speaker's name (BBC politics/415 gave the speaker "Sheppey"); the phrase is the role noun,
/// resolved like "the MP". Organisations ("the leader of the Labour Party") are left to the
/// name rules.
fn role_of_place(text: &str, toks: &[Tok], k: usize) -> Option<Np> {
    let first = toks.first()?;
    if !first.has(class::DET) || first.has(class::INDEF) || k < 3 {
        return None;
    }
    let p = (1..k).find(|&i| matches!(&*toks[i].lower, "for" | "of" | "in"))?;
    let head = &toks[p - 1];
    let role = head.has(class::ROLE | class::TITLE) || is_postnominal(head);
    let place = &toks[p + 1..];
    if !role
        || p < 2
        || place.iter().any(|t| t.has(class::ORG))
        || lexicon::state_name(&text[toks[k].start..toks[toks.len() - 1].end].to_lowercase())
            .is_some()
    {
        return None;
    }
    let mods = toks[1..p - 1]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.stem().to_string())
        .collect();
    Some(Np::Role {
        head: head.stem().to_string(),
        mods,
        definite: true,
        unnamed: head.has(class::UNNAMED),
    })
}

/// Whether a word token is written in capitals throughout ("CLOSE", "GOP").
fn is_all_caps(text: &str, t: &Tok) -> bool {
    let w = &text[t.start..t.end];
    t.cap && w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// Where a word glued from two ("TrumpGOP", "McConnellGOP") splits: the byte offset of a
/// run of two or more capitals closing a word that began with a capital and lower-case
/// letters. Names in camel case ("McConnell", "DeSantis", "LaHood") have a single capital
/// inside and are not split.
fn glued_at(w: &str) -> Option<usize> {
    let cs: Vec<(usize, char)> = w.char_indices().collect();
    if cs.len() < 5 || !cs[0].1.is_uppercase() || !cs[1].1.is_lowercase() {
        return None;
    }
    let mut i = cs.len();
    while i > 0 && cs[i - 1].1.is_uppercase() {
        i -= 1;
    }
    let caps = cs.len() - i;
    (caps >= 2 && i >= 2 && cs[i - 1].1.is_lowercase()).then(|| cs[i].0)
}

/// The last word of "X's office", "X's campaign": a body named after its principal.
fn is_office_noun(w: &str) -> bool {
    matches!(
        w,
        "office" | "campaign" | "team" | "lawyers" | "attorneys" | "staff" | "camp" | "aides"
    )
}

/// The last word of a newspaper title written with its article ("The Washington Post").
fn is_newspaper_word(w: &str) -> bool {
    matches!(
        w,
        "Post"
            | "Times"
            | "Journal"
            | "Guardian"
            | "Telegraph"
            | "Independent"
            | "Economist"
            | "Observer"
            | "Sun"
            | "Herald"
            | "Tribune"
            | "Globe"
            | "Hill"
            | "Atlantic"
            | "Spectator"
            | "Daily"
            | "Mirror"
    )
}

/// Nouns for a document that can stand as the speaker ("the statement said").
fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "statements"
            | "resolution"
            | "communique"
            | "communiqué"
            | "declaration"
            | "commentary"
            | "editorial"
    )
}

/// The author of a document noun at token `j`, as a token range of a name: written before it
/// ("the White House statement", "Nato's statement", "the Nato foreign ministers' statement")
/// or after it ("a statement issued by the Harbour Authority", "a statement from Nato").
fn document_author(toks: &[Tok], a: usize, b: usize, j: usize) -> Option<(usize, usize)> {
    let t = &toks[j];
    if !t.is_word() || t.cap || !is_document_noun(&t.lower) {
        return None;
    }
    let name_tok =
        |t: &Tok| t.is_word() && t.cap && !t.has(class::DET | class::STOP | class::PRONOUN);
    // Before: up to four words back to a determiner, the first run of capitalised words.
    let mut l = j;
    while l > a && j - l < 4 && toks[l - 1].is_word() && !toks[l - 1].has(class::DET) {
        l -= 1;
    }
    if let Some(s) = (l..j).find(|&k| name_tok(&toks[k])) {
        let mut e = s;
        while e < j && name_tok(&toks[e]) {
            e += 1;
            if toks[e - 1].is_possessive() {
                break;
            }
        }
        return Some((s, e));
    }
    // After: "issued by", "released by", "from", "by".
    let mut k = j + 1;
    if k < b && matches!(&*toks[k].lower, "issued" | "released" | "published" | "put") {
        k += 1;
        if k < b && toks[k].lower == "out" {
            k += 1;
        }
        if !(k < b && toks[k].lower == "by") {
            return None;
        }
    } else if !(k < b && matches!(&*toks[k].lower, "from" | "by")) {
        return None;
    }
    k += 1;
    if k < b && toks[k].lower == "the" {
        k += 1;
    }
    let s = k;
    while k < b && name_tok(&toks[k]) {
        k += 1;
    }
    (k > s).then_some((s, k))
}

/// [`document_author`] for a speaker phrase: the token range of the issuer named after a
/// document noun at token `j` before `b` ("a statement issued by the White House").
pub fn document_author_in(toks: &[Tok], b: usize, j: usize) -> Option<(usize, usize)> {
    let t = &toks[j];
    if !t.is_word() || t.cap || !is_document_noun(&t.lower) {
        return None;
    }
    // Only the issuer written after the noun: before it, a name is the phrase's own head.
    document_author(toks, j, b, j).filter(|&(s, _)| s > j)
}

/// An all-capital short form of two to six letters ("KCTV", "NADA").
fn is_acronym(text: &str, t: &Tok) -> bool {
    let w = &text[t.start..t.end];
    t.is_word() && (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Letter titles written after a British or Commonwealth name ("Jo Park MP", "Lee Ford QC").
fn is_postnominal(t: &Tok) -> bool {
    t.is_word()
        && t.cap
        && matches!(
            &*t.lower,
            "mp" | "mep" | "msp" | "mla" | "mpp" | "qc" | "kc"
        )
        && t.end - t.start == t.lower.len()
        && t.lower.chars().all(|c| c.is_ascii_alphabetic())
}

/// Lower-case nouns naming a body of a state or an institution: "the South Korean unification
/// ministry", "South Korea's military", "the UK government", "the French president's office".
fn is_body_noun(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "military"
            | "government"
            | "office"
            | "embassy"
            | "army"
            | "navy"
            | "administration"
            | "cabinet"
            | "committee"
            | "council"
            | "department"
            | "parliament"
            | "presidency"
            | "regime"
            | "mission"
            | "consulate"
            | "police"
    )
}

/// A state body named by description rather than by a proper name: `[the] Capitalised-words
/// ['s] [lower-case modifiers] body-noun`, as in "the South Korean unification ministry",
/// "South Korea's military", "the UK government". The speakers gold keeps the phrase without
/// its article as the organisation's name ("South Korean unification ministry"), and "the
/// ministry" later refers back to it. The capitalised part must be a nationality, a state or a
/// place (a word the lexicon does not know as a title or role), and at most three lower-case
/// words may stand between it and the noun. Checked on the speakers dev set (3 such bodies).
fn descriptive_org(text: &str, toks: &[Tok]) -> Option<Np> {
    let n = toks.len();
    if n < 2 {
        return None;
    }
    let head = &toks[n - 1];
    if !head.is_word() || head.cap || !is_body_noun(&head.lower) {
        return None;
    }
    let mut s = 0;
    if toks[0].is_word() && toks[0].lower == "the" {
        s = 1;
    }
    // Capitalised words (nationality or state, possibly possessive) …
    let mut k = s;
    while k < n - 1 && toks[k].is_word() && toks[k].cap && !toks[k].has(class::TITLE | class::STOP)
    {
        k += 1;
        if toks[k - 1].is_possessive() {
            break;
        }
    }
    if k == s {
        return None;
    }
    // … then lower-case modifiers ("unification", "foreign", "president's").
    let mods = n - 1 - k;
    if mods > 3
        || !toks[k..n - 1]
            .iter()
            .all(|t| t.is_word() && !t.cap && !t.has(class::DET | class::PRONOUN))
    {
        return None;
    }
    let name = text[toks[s].start..head.end].to_string();
    Some(Np::Name {
        name,
        keys: keys_of(&toks[s..]),
        org: true,
        roles: Vec::new(),
        gender: None,
    })
}

/// The first token of a descriptive body phrase ending at token `j` (see [`descriptive_org`]),
/// with its article: "the South Korean unification ministry".
fn body_phrase(toks: &[Tok], a: usize, j: usize) -> Option<usize> {
    let t = &toks[j];
    if !t.is_word() || t.cap || !is_body_noun(&t.lower) {
        return None;
    }
    let mut s = j;
    while s > a && j - s < 3 && toks[s - 1].is_word() && !toks[s - 1].cap {
        s -= 1;
    }
    while s > a && toks[s - 1].is_word() && toks[s - 1].cap && j - s < 6 {
        s -= 1;
    }
    if s > a && toks[s - 1].lower == "the" {
        s -= 1;
    }
    (s < j).then_some(s)
}

/// One person or organisation the article names.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name: the first full form the article uses, without titles.
    pub name: String,
    /// Lower-case words of every form seen.
    keys: Vec<String>,
    /// The same, split at hyphens ("jong-un" → "jong", "un").
    split: Vec<String>,
    /// Titles, roles and nationalities written with the name ("russian", "president").
    roles: Vec<String>,
    gender: Option<Gender>,
    pub org: bool,
    /// Whether the article gave a title, a role or an appositive with the name.
    titled: bool,
    /// Other forms the article used for the same entity.
    pub aliases: Vec<String>,
    /// Byte offsets of the mentions found while building.
    mentions: Vec<usize>,
    /// Byte offset of the latest attribution or sentence subject resolved to it.
    last: Option<usize>,
    /// Lower-case short forms given in parentheses after the name ("kctv").
    acronyms: Vec<String>,
}

/// The entities of one article and the recency state of coreference.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    /// Entity ids in the order they were last a speaker or a sentence subject.
    recent: Vec<usize>,
    /// Byte offset of every sentence start, in text order.
    sent_starts: Vec<usize>,
    /// (byte offset of a sentence start, entity): a person named in full at the very start of
    /// a sentence, for "Japan's Chief Cabinet Secretary told reporters … Yoshihide Suga
    /// condemned …".
    subjects: Vec<(usize, usize)>,
    /// (byte offset of a document noun, entity): who issued a statement, resolution or
    /// communiqué, so that "the statement said" resolves to its author.
    docs: Vec<(usize, usize)>,
}

/// What a speaker phrase resolved to.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub speaker: Option<String>,
    pub entity: Option<usize>,
}

fn split_hyphens(keys: &[String]) -> Vec<String> {
    keys.iter()
        .flat_map(|k| k.split(['-', '‐']).map(str::to_string))
        .collect()
}

impl Registry {
    /// Collects the names the article introduces, with their titles and roles, from the
    /// sentences of every paragraph (`sents` are token ranges into `toks`).
    pub fn build(text: &str, toks: &[Tok], sents: &[(usize, usize)]) -> Registry {
        let mut reg = Registry::default();
        // Token ranges of document authors and sentence subjects, interned once the entities
        // are merged (merging renumbers them).
        let mut doc_authors: Vec<(usize, usize, usize)> = Vec::new();
        let mut subjects: Vec<(usize, usize, usize)> = Vec::new();
        let mut bodies: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in sents {
            reg.sent_starts.push(toks[a].start);
            // Title-case headlines ("Obama Says Museum Will Tell …") are not introductions.
            if super::tokens::is_title_case(&toks[a..b]) {
                continue;
            }
            for j in a..b {
                if let Some((s, e)) = document_author(toks, a, b, j) {
                    doc_authors.push((toks[j].start, s, e));
                }
                if let Some(s) = body_phrase(toks, a, j) {
                    bodies.push((s, j + 1));
                }
            }
            let mut i = a;
            while i < b {
                // A window of name-phrase tokens.
                let s = i;
                while i < b && window_token(&toks[i], i > s) {
                    i += 1;
                }
                if i == s {
                    i += 1;
                    continue;
                }
                let mut e = i;
                // Trim trailing lower-case modifiers that are not roles.
                while e > s
                    && toks[e - 1].is_word()
                    && !toks[e - 1].cap
                    && !toks[e - 1].has(class::ROLE)
                {
                    e -= 1;
                }
                if e == s {
                    continue;
                }
                // "Intensifying Trump criticism of …", "Tying US security to …", "Apparently
                // California's new law …": a participle or an adverb opening the sentence is
                // capitalised only by its place; before a name and a lower-case noun it is not
                // part of the name. ("Keating Holland said": a cue after the name keeps it.)
                let s = if s == a && e - s >= 2 && sentence_initial_modifier(toks, s, e, b) {
                    s + 1
                } else {
                    s
                };
                // "U.S. Attorney for Montana Joss Levin": the window opens after "for"; the place
                // before the name is the title's, not the name's.
                let s = place_after_title(toks, s, e);
                let Some(np) = analyze(text, &toks[s..e]) else {
                    continue;
                };
                if let Np::Name {
                    name,
                    keys,
                    org,
                    mut roles,
                    gender,
                } = np
                {
                    // "shadow chancellor Oliver Letwin": a lower-case qualifier the window
                    // left out still makes it another office.
                    if s > a && qualifiers(&[toks[s - 1].lower.to_string()]) != 0 {
                        roles.push(toks[s - 1].lower.to_string());
                    }
                    // Appositives: "NAME, a paramedic," and "the council chair, NAME".
                    if i + 1 < b && toks[i].is_punct(',') {
                        roles.extend(appositive_roles(toks, i + 1, b));
                    }
                    if s >= 2 && toks[s - 1].is_punct(',') {
                        roles.extend(appositive_roles_left(toks, s - 1, a));
                    }
                    let sentence_initial_single = keys.len() == 1 && s == a && roles.is_empty();
                    if keys.len() >= 2 || !roles.is_empty() || org && !sentence_initial_single {
                        let person = !org && keys.len() >= 2;
                        let id = reg.add(name, keys, org, roles, gender, toks[s].start);
                        // "the Korean Central Television (KCTV)": the short form is the same body.
                        if i + 2 < b
                            && toks[i].is_punct('(')
                            && toks[i + 2].is_punct(')')
                            && is_acronym(text, &toks[i + 1])
                        {
                            let acr = toks[i + 1].lower.to_string();
                            let e = &mut reg.entities[id];
                            if !e.acronyms.contains(&acr) {
                                e.acronyms.push(acr);
                            }
                        }
                        if s == a && person {
                            subjects.push((toks[a].start, s, e));
                        }
                    } else if keys.len() == 1 {
                        // "Tarsk said": a later mention of someone already introduced.
                        let k = &keys[0];
                        if let Some(e) = reg
                            .entities
                            .iter_mut()
                            .find(|e| !e.org && e.keys.len() >= 2 && e.keys.contains(k))
                        {
                            e.mentions.push(toks[s].start);
                        }
                    }
                }
            }
        }
        reg.merge_singletons();
        for e in &mut reg.entities {
            if e.keys.len() == 1 && !e.org {
                if let Some(full) = lexicon::well_known(&e.keys[0]) {
                    let old = std::mem::replace(&mut e.name, full.to_string());
                    e.aliases.push(old);
                    e.keys = full.split_whitespace().map(str::to_lowercase).collect();
                    e.split = split_hyphens(&e.keys);
                }
            }
        }
        reg.gender_from_evidence(toks, sents);
        for (pos, s, e) in subjects {
            if let Some(Np::Name { keys, .. }) = analyze(text, &toks[s..e]) {
                if let Some(id) = reg.find_by_keys(&keys, pos) {
                    reg.subjects.push((pos, id));
                }
            }
        }
        for (s, e) in bodies {
            if let Some(np) = descriptive_org(text, &toks[s..e]) {
                reg.resolve(&np, toks[s].start);
            }
        }
        for (pos, s, e) in doc_authors {
            if let Some(np @ Np::Name { .. }) = analyze(text, &toks[s..e]) {
                if let Some(id) = reg.resolve(&np, toks[s].start).entity {
                    reg.docs.push((pos, id));
                }
            }
        }
        // Interning the authors above went through `resolve`: the article has no speaker yet.
        reg.recent.clear();
        for e in &mut reg.entities {
            e.last = None;
        }
        reg
    }

    /// Fills in the gender of people the article never marked with a title or pronoun in
    /// their name phrase, from the article's own evidence:
    /// - a gendered role noun among the roles written with the name ("congresswoman",
    ///   "father", "Mrs"), see [`gendered_role`];
    /// - the pronouns of sentences that mention exactly one person the article names and no
    ///   other: "Lena Voss, 18, said her family …" makes her female. Pronouns inside quote
    ///   marks are one token and never counted (they may be the quoted speaker's "he"). An
    ///   entity gets a gender only when one side has at least twice the other's sentences.
    ///
    /// The pronoun of a quote ("…," she said) is resolved with this gender, so that "she" never
    /// goes to a person the article writes as "he". Checked on 3,000 AllSides articles and the
    /// BBC politics set (opposite-sex pronoun speakers, /tmp scripts of issue 3).
    fn gender_from_evidence(&mut self, toks: &[Tok], sents: &[(usize, usize)]) {
        let mut votes = vec![(0u32, 0u32); self.entities.len()];
        for (id, e) in self.entities.iter().enumerate() {
            if e.org || e.gender.is_some() {
                continue;
            }
            if let Some(g) = e.roles.iter().find_map(|r| gendered_role(r)) {
                match g {
                    Gender::Male => votes[id].0 += 2,
                    Gender::Female => votes[id].1 += 2,
                }
            }
        }
        // Every mention, in text order, to find the people of each sentence.
        let mut mentions: Vec<(usize, usize)> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.org)
            .flat_map(|(id, e)| e.mentions.iter().map(move |&m| (m, id)))
            .collect();
        mentions.sort_unstable();
        for &(a, b) in sents {
            let (from, to) = (toks[a].start, toks[b - 1].end);
            let lo = mentions.partition_point(|m| m.0 < from);
            let hi = mentions.partition_point(|m| m.0 < to);
            let Some(&(_, id)) = mentions.get(lo) else {
                continue;
            };
            if lo == hi || mentions[lo..hi].iter().any(|m| m.1 != id) {
                continue;
            }
            let (mut m, mut f) = (false, false);
            for t in &toks[a..b] {
                match &*t.lower {
                    "he" | "him" | "his" | "himself" => m = true,
                    "she" | "her" | "hers" | "herself" => f = true,
                    _ => {}
                }
            }
            match (m, f) {
                (true, false) => votes[id].0 += 1,
                (false, true) => votes[id].1 += 1,
                _ => {}
            }
        }
        for (e, (m, f)) in self.entities.iter_mut().zip(votes) {
            if e.gender.is_none() {
                if m > 0 && m >= 2 * f {
                    e.gender = Some(Gender::Male);
                } else if f > 0 && f >= 2 * m {
                    e.gender = Some(Gender::Female);
                }
            }
        }
    }

    /// Records that the entity `id` issued a document mentioned at byte `pos` ("X said in a
    /// statement"), so that a later "the statement said" resolves to it.
    pub fn note_document(&mut self, pos: usize, id: usize) {
        if id < self.entities.len() {
            self.docs.push((pos, id));
        }
    }

    fn add(
        &mut self,
        name: String,
        keys: Vec<String>,
        org: bool,
        roles: Vec<String>,
        gender: Option<Gender>,
        pos: usize,
    ) -> usize {
        let split = split_hyphens(&keys);
        let titled = !roles.is_empty();
        for (id, e) in self.entities.iter_mut().enumerate() {
            if keys.len() == 1 && e.acronyms.contains(&keys[0]) {
                // "the KCTV" after "the Korean Central Television (KCTV)".
                e.org |= org;
                e.mentions.push(pos);
                return id;
            }
            if e.org != org {
                continue;
            }
            let es = &e.split;
            let same = if keys.len() >= 2 && e.keys.len() >= 2 {
                split.iter().all(|k| es.contains(k)) || es_subset(es, &split)
            } else {
                keys.len() == 1 && e.keys.len() == 1 && keys == e.keys
            };
            if same {
                for k in keys {
                    if !e.keys.contains(&k) {
                        e.keys.push(k);
                    }
                }
                e.split = split_hyphens(&e.keys);
                if name != e.name && !e.aliases.contains(&name) {
                    e.aliases.push(name);
                }
                for r in roles {
                    if !e.roles.contains(&r) {
                        e.roles.push(r);
                    }
                }
                e.titled |= titled;
                e.gender = e.gender.or(gender);
                e.mentions.push(pos);
                return id;
            }
        }
        self.entities.push(Entity {
            name,
            split,
            keys,
            roles,
            gender,
            org,
            titled,
            aliases: Vec::new(),
            mentions: vec![pos],
            last: None,
            acronyms: Vec::new(),
        });
        self.entities.len() - 1
    }

    /// "President Trump" and "Donald Trump" in one article are one person.
    fn merge_singletons(&mut self) {
        let mut i = 0;
        while i < self.entities.len() {
            if self.entities[i].keys.len() == 1 && !self.entities[i].org {
                let k = self.entities[i].keys[0].clone();
                let hosts: Vec<usize> = (0..self.entities.len())
                    .filter(|&j| {
                        j != i
                            && !self.entities[j].org
                            && self.entities[j].keys.len() >= 2
                            && self.entities[j].keys.contains(&k)
                    })
                    .collect();
                if hosts.len() == 1 {
                    let e = self.entities.remove(i);
                    let h = if hosts[0] > i { hosts[0] - 1 } else { hosts[0] };
                    let host = &mut self.entities[h];
                    for r in e.roles {
                        if !host.roles.contains(&r) {
                            host.roles.push(r);
                        }
                    }
                    host.titled |= e.titled;
                    host.gender = host.gender.or(e.gender);
                    if !host.aliases.contains(&e.name) {
                        host.aliases.push(e.name);
                    }
                    host.mentions.extend(e.mentions);
                    for a in e.acronyms {
                        if !host.acronyms.contains(&a) {
                            host.acronyms.push(a);
                        }
                    }
                    continue;
                }
            }
            i += 1;
        }
    }

    fn touch(&mut self, id: usize) {
        self.recent.retain(|&r| r != id);
        self.recent.push(id);
    }

    /// Resolves a mention at byte `pos` to entity `id` under its canonical name, and records the
    /// mention (see [`Registry::touch_at`]).
    fn resolved_to(&mut self, id: usize, pos: usize) -> Resolved {
        self.touch_at(id, pos);
        Resolved {
            speaker: Some(self.entities[id].name.clone()),
            entity: Some(id),
        }
    }

    fn touch_at(&mut self, id: usize, pos: usize) {
        self.touch(id);
        let e = &mut self.entities[id];
        e.last = Some(e.last.map_or(pos, |l| l.max(pos)));
    }

    /// Records that an entity is the subject of a sentence (for pronoun resolution).
    pub fn note_subject(&mut self, text: &str, toks: &[Tok], pos: usize) {
        if let Some(Np::Name {
            keys, org: false, ..
        }) = analyze(text, toks)
        {
            if let Some(id) = self.find_by_keys(&keys, pos) {
                // Only people the article introduced with a title or quoted: "Heaven Lake is …"
                // is not a subject a pronoun can refer to.
                let e = &self.entities[id];
                if e.titled || e.last.is_some() || e.keys.len() >= 2 {
                    self.touch_at(id, pos);
                }
            }
        }
    }

    /// Cataphora: a title used before the article names its holder, where the next sentence
    /// opens with a full name not seen before and given no title of its own: "Japan's Chief
    /// Cabinet Secretary told reporters … . Yoshihide Suga condemned …" (speakers guidelines,
    /// hard case 1). A name with its own title or appositive is someone else being introduced.
    fn named_next(&self, pos: usize) -> Option<usize> {
        let si = self.sent_starts.partition_point(|&s| s <= pos);
        let next = *self.sent_starts.get(si)?;
        let &(_, id) = self.subjects.iter().find(|&&(p, _)| p == next)?;
        let e = &self.entities[id];
        (!e.titled && e.mentions.iter().all(|&m| m >= next) && e.last.is_none()).then_some(id)
    }

    /// An epithet for the person in focus: "said the former Marine General" right after the
    /// article has been quoting James Mattis, when no entity has that title. Only phrases with
    /// "former", "retired" or "veteran" count: these describe a known person's past, whereas
    /// "the minister" or "the spokesman" with no holder named stays unnamed (guidelines, hard
    /// case 4).
    fn epithet(&self, head: &str, mods: &[String], pos: usize) -> Option<usize> {
        if !mods
            .iter()
            .any(|m| matches!(m.as_str(), "former" | "retired" | "veteran"))
            || lexicon::flags(head) & class::UNNAMED != 0
        {
            return None;
        }
        let &id = self.recent.iter().rev().find(|&&r| !self.entities[r].org)?;
        // The person must have been speaker or subject shortly before (same stretch of text).
        let last = self.entities[id].last?;
        (pos.saturating_sub(last) < 1500).then_some(id)
    }

    /// The person in focus for a title no one in the article holds: BBC and wire copy name the
    /// main figure in the lede without the office readers know ("Tony Blair has said he …")
    /// and then write "the prime minister said". The title resolves to the latest speaker or
    /// subject when that is the first person the article names, was given no office of their
    /// own (only honorifics), and no entity holds a title with this head. A qualified title
    /// ("the shadow chancellor", "the deputy leader") never does: it names someone else. The
    /// speakers gold resolves "The prime minister" in such a BBC piece to the lede's Tony Blair.
    fn untitled_focus(&self, head: &str, mods: &[String], pos: usize) -> Option<usize> {
        let f = lexicon::flags(head);
        if f & (class::TITLE | class::ROLE) == 0 || f & class::UNNAMED != 0 || qualifiers(mods) != 0
        {
            return None;
        }
        // A spokesman, aide or lawyer speaks for someone: never the figure in focus ("A Labour
        // party spokesman said" after the lede's MP is someone else; BBC politics/415).
        if matches!(
            head,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "aide"
                | "adviser"
                | "advisor"
                | "lawyer"
                | "attorney"
                | "official"
                | "representative"
                | "source"
                | "colleague"
                | "ally"
        ) {
            return None;
        }
        if self
            .entities
            .iter()
            .any(|e| e.roles.iter().any(|r| r == head))
        {
            return None;
        }
        let &id = self.recent.iter().rev().find(|&&r| !self.entities[r].org)?;
        let e = &self.entities[id];
        let first = (0..self.entities.len())
            .filter(|&i| !self.entities[i].org && self.entities[i].keys.len() >= 2)
            .min_by_key(|&i| self.entities[i].mentions.iter().min().copied())?;
        let office = e.roles.iter().any(|r| {
            lexicon::flags(r) & (class::TITLE | class::ROLE) != 0 && gendered_role(r).is_none()
        });
        (first == id && !office && e.last.is_some_and(|l| pos.saturating_sub(l) < 3000))
            .then_some(id)
    }

    /// Records an organisation or state named at the start of a sentence as its subject, so
    /// that "it" later in the sentence or the next refers to it.
    pub fn note_org_subject(&mut self, text: &str, toks: &[Tok], pos: usize) {
        if let Some(np @ Np::Name { org: true, .. }) = analyze(text, toks) {
            self.resolve(&np, pos);
        }
    }

    /// Sets the gender of an entity when still unknown (from "Kim, for his part," or a
    /// content clause opening with "she").
    /// Resolves a pronoun to entity `id` (the previous attribution's speaker) when the
    /// pronoun's gender is known to agree with it: "…, he added" after X's quote is X's.
    pub fn continue_with(
        &mut self,
        id: usize,
        gender: Option<Gender>,
        pos: usize,
    ) -> Option<Resolved> {
        let e = self.entities.get(id)?;
        // The gender must be known to agree: "she added" after a man of unknown gender's
        // quote may be a woman named in it.
        if e.org || gender.is_some() && e.gender != gender {
            return None;
        }
        Some(self.resolved_to(id, pos))
    }

    pub fn hint_gender(&mut self, id: usize, g: Gender) {
        if let Some(e) = self.entities.get_mut(id) {
            if e.gender.is_none() && !e.org {
                e.gender = Some(g);
            }
        }
    }

    fn find_by_keys(&self, keys: &[String], pos: usize) -> Option<usize> {
        let split = split_hyphens(keys);
        let cands: Vec<usize> = (0..self.entities.len())
            .filter(|&i| {
                let e = &self.entities[i];
                if keys.len() == 1 {
                    e.keys.contains(&keys[0])
                } else {
                    let es = &e.split;
                    split.iter().all(|k| es.contains(k)) || es_subset(es, &split)
                }
            })
            .collect();
        // "Levy said" is the person Joshua Levy, not "Levy's office": a person's name prefers
        // people when the article has one with that key.
        let office = |i: usize| {
            let e = &self.entities[i];
            e.org && e.keys.len() >= 2 && e.keys.last().is_some_and(|k| is_office_noun(k))
        };
        let cands: Vec<usize> = if cands.iter().any(|&i| !self.entities[i].org) {
            cands.into_iter().filter(|&i| !office(i)).collect()
        } else {
            cands
        };
        // "Vindman said" when the article named two Vindmans in full and also "Lt. Col.
        // Vindman": one of the full names (by recency), never the surname-only entry that
        // stayed apart because the surname was ambiguous (the output wants the full name).
        let cands: Vec<usize> = if keys.len() == 1
            && cands
                .iter()
                .any(|&i| !self.entities[i].org && self.entities[i].keys.len() >= 2)
        {
            cands
                .into_iter()
                .filter(|&i| self.entities[i].org || self.entities[i].keys.len() >= 2)
                .collect()
        } else {
            cands
        };
        if let (1, Some(full)) = (keys.len(), lexicon::well_known(&keys[0])) {
            // "Kim" when the article only names a reporter "Soyoung Kim": the well-known Kim,
            // unless a candidate is that person under another spelling ("Sergey Lavrov").
            let first = full.split_whitespace().next().unwrap_or("").to_lowercase();
            let agrees = |e: &Entity| {
                e.keys
                    .first()
                    .is_some_and(|k| k.chars().take(3).eq(first.chars().take(3)))
            };
            if !cands.is_empty()
                && cands.iter().all(|&i| {
                    let e = &self.entities[i];
                    !e.titled && e.last.is_none() && !agrees(e)
                })
            {
                return None;
            }
        }
        self.best(&cands, pos, keys.last())
    }

    /// The best candidate: the most recent speaker or subject, else the entity mentioned last
    /// before `pos`, else the first introduced.
    fn best(&self, cands: &[usize], pos: usize, last_key: Option<&String>) -> Option<usize> {
        if cands.is_empty() {
            return None;
        }
        if cands.len() == 1 {
            return Some(cands[0]);
        }
        for &r in self.recent.iter().rev() {
            if cands.contains(&r) {
                return Some(r);
            }
        }
        // Prefer a surname match on the last word, then titled entities, then proximity.
        let score = |i: usize| {
            let e = &self.entities[i];
            let last = last_key.is_some_and(|k| e.keys.last() == Some(k));
            let before = e.mentions.iter().filter(|&&m| m <= pos).max().copied();
            (
                e.titled as u8,
                last as u8,
                before.is_some() as u8,
                before.unwrap_or(0),
                usize::MAX - e.mentions[0],
            )
        };
        cands.iter().copied().max_by_key(|&i| score(i))
    }

    /// Resolves a speaker phrase at byte `pos` to a canonical speaker, updating recency.
    pub fn resolve(&mut self, np: &Np, pos: usize) -> Resolved {
        match np {
            Np::Pronoun { word, gender } => {
                let w = word.as_str();
                if matches!(w, "it" | "which") {
                    for &r in self.recent.iter().rev() {
                        if self.entities[r].org {
                            return Resolved {
                                speaker: Some(self.entities[r].name.clone()),
                                entity: Some(r),
                            };
                        }
                    }
                    return Resolved::default();
                }
                if !matches!(w, "he" | "she" | "er" | "sie" | "il" | "elle" | "who") {
                    return Resolved::default();
                }
                let compatible = |e: &Entity| {
                    !e.org && (gender.is_none() || e.gender.is_none() || e.gender == *gender)
                };
                // The most recent speaker or subject of compatible gender …
                let mut pick = self
                    .recent
                    .iter()
                    .rev()
                    .copied()
                    .find(|&r| compatible(&self.entities[r]));
                // … unless a person was introduced with a title after it spoke: "Dravonia's
                // delegation was led by Deputy Foreign Minister Emil Tarsk. He said …".
                let since = pick.and_then(|r| self.entities[r].last).unwrap_or(0);
                let intro = (0..self.entities.len())
                    .filter(|&i| {
                        let e = &self.entities[i];
                        compatible(e)
                            && e.titled
                            && e.last.is_none()
                            && e.mentions[0] > since
                            && e.mentions[0] < pos
                    })
                    .max_by_key(|&i| self.entities[i].mentions[0]);
                if pick.is_some() && intro.is_some() {
                    pick = intro;
                }
                // "Obama spoke … Lena Voss, 18, … her family … . '…,' she said": the latest
                // speaker's gender is unknown, but a woman the article wrote as "she" was named
                // since; she is the antecedent.
                if let (Some(g), Some(r)) = (gender, pick) {
                    if self.entities[r].gender != Some(*g) {
                        // Named in a later sentence than the latest mention of the pick: in
                        // "X, an adviser to President Y, said … . He …" the subject X stays.
                        let e = &self.entities[r];
                        let latest = e.mentions.iter().filter(|&&m| m < pos).max().copied();
                        let since = e.last.max(latest).unwrap_or(0);
                        let since = self.sent_starts.partition_point(|&s| s <= since);
                        let known = (0..self.entities.len())
                            .filter(|&i| {
                                let e = &self.entities[i];
                                !e.org && e.gender == Some(*g) && i != r
                            })
                            .filter_map(|i| {
                                let e = &self.entities[i];
                                let m = e.mentions.iter().filter(|&&m| m < pos).max().copied();
                                m.filter(|&m| self.sent_starts.partition_point(|&s| s <= m) > since)
                                    .map(|m| (m, i))
                            })
                            .max();
                        if let Some((_, i)) = known {
                            pick = Some(i);
                        }
                    }
                }
                if pick.is_none() {
                    // No speaker yet: the most recent titled person mentioned before.
                    pick = (0..self.entities.len())
                        .filter(|&i| {
                            let e = &self.entities[i];
                            // A full name of two to four words, not an organisation's
                            // ("Orange British Academy Film Awards").
                            let orgish = e.keys.iter().any(|k| lexicon::flags(k) & class::ORG != 0);
                            let full = (2..=4).contains(&e.keys.len());
                            compatible(e) && !orgish && (e.titled || full) && e.mentions[0] <= pos
                        })
                        .max_by_key(|&i| {
                            self.entities[i]
                                .mentions
                                .iter()
                                .filter(|&&m| m <= pos)
                                .max()
                                .copied()
                        });
                }
                if let Some(r) = pick {
                    if let Some(g) = gender {
                        self.hint_gender(r, *g);
                    }
                    return self.resolved_to(r, pos);
                }
                Resolved::default()
            }
            Np::Name {
                name,
                keys,
                org,
                roles,
                gender,
            } => {
                if *org {
                    let lower = name.to_lowercase();
                    let state = lexicon::state_name(strip_the(&lower));
                    // "The Washington Post" keeps its article; "the Kremlin" does not.
                    let newspaper = name.starts_with("The ")
                        && name
                            .split_whitespace()
                            .last()
                            .is_some_and(is_newspaper_word);
                    let canon = state.map(str::to_string).unwrap_or_else(|| {
                        if newspaper {
                            name.to_string()
                        } else {
                            strip_the(name).to_string()
                        }
                    });
                    let id = self.add(canon.clone(), keys.clone(), true, roles.clone(), None, pos);
                    let canon = if state.is_some() {
                        canon
                    } else {
                        self.entities[id].name.clone()
                    };
                    self.touch_at(id, pos);
                    return Resolved {
                        speaker: Some(canon),
                        entity: Some(id),
                    };
                }
                let id = match self.find_by_keys(keys, pos) {
                    Some(id) => {
                        let e = &mut self.entities[id];
                        if name != &e.name && !e.aliases.contains(name) {
                            e.aliases.push(name.clone());
                        }
                        for r in roles {
                            if !e.roles.contains(r) {
                                e.roles.push(r.clone());
                            }
                        }
                        if e.gender.is_none() {
                            e.gender = *gender;
                        }
                        id
                    }
                    None => self.add(
                        name.clone(),
                        keys.clone(),
                        false,
                        roles.clone(),
                        *gender,
                        pos,
                    ),
                };
                if self.entities[id].keys.len() == 1 {
                    if let Some(full) = lexicon::well_known(&self.entities[id].keys[0]) {
                        // "President Trump" only: the full name everyone knows.
                        let e = &mut self.entities[id];
                        let old = std::mem::replace(&mut e.name, full.to_string());
                        if !e.aliases.contains(&old) {
                            e.aliases.push(old);
                        }
                        e.keys = full.split_whitespace().map(str::to_lowercase).collect();
                        e.split = split_hyphens(&e.keys);
                    }
                }
                self.resolved_to(id, pos)
            }
            Np::Role {
                head,
                mods,
                definite,
                unnamed,
            } => {
                if *definite && is_document_noun(head) {
                    // "the statement said": the author of the latest document named before.
                    let author = self
                        .docs
                        .iter()
                        .filter(|d| d.0 < pos)
                        .max_by_key(|d| d.0)
                        .map(|d| d.1);
                    return match author {
                        Some(id) => self.resolved_to(id, pos),
                        None => Resolved::default(),
                    };
                }
                if *unnamed || !*definite {
                    return Resolved::default();
                }
                // "a Trump spokeswoman": a modifier that names a person the article knows says
                // whose spokeswoman, not what kind.
                let possessor: Vec<&String> = mods
                    .iter()
                    .filter(|m| self.entities.iter().any(|e| !e.org && e.keys.contains(m)))
                    .collect();
                let leader = lexicon::flags(head) & class::LEADER != 0;
                let org_head = lexicon::flags(head) & class::ORG != 0
                    || matches!(
                        head.as_str(),
                        "daily"
                            | "newspaper"
                            | "paper"
                            | "agency"
                            | "broadcaster"
                            | "outlet"
                            | "ministry"
                            | "government"
                            | "website"
                    )
                    || is_body_noun(head);
                let cands: Vec<usize> = (0..self.entities.len())
                    .filter(|&i| {
                        let e = &self.entities[i];
                        let head_ok = if org_head && e.org {
                            e.keys.iter().any(|k| k == head) || e.roles.iter().any(|r| r == head)
                        } else if e.org {
                            false
                        } else {
                            e.roles.iter().any(|r| {
                                r == head
                                    || same_role(head, r, &e.roles)
                                    || (leader && lexicon::flags(r) & class::HEAD_OF_STATE != 0)
                                    || (head == "minister" && r.ends_with("minister"))
                                    || (head == "chief" && r == "chief")
                            })
                        };
                        // "the chancellor" is not the shadow chancellor, the deputy prime
                        // minister or a former chancellor, and the reverse.
                        let qualified = qualifiers(&e.roles) == qualifiers(mods);
                        head_ok
                            && qualified
                            && mods.iter().all(|m| {
                                if let Some(c) = country_key(m) {
                                    // "the Russian leader" needs a Russian; an entity whose
                                    // country the article never gave may still match.
                                    let known: Vec<&str> =
                                        e.roles.iter().filter_map(|r| country_key(r)).collect();
                                    return known.is_empty() || known.contains(&c);
                                }
                                if matches!(m.as_str(), "north" | "south" | "north's" | "south's") {
                                    return true;
                                }
                                // An office word ("foreign", "home", "health") must be one
                                // the entity was introduced with; only vague ones are free.
                                is_vague_modifier(m)
                                    || lexicon::flags(m) & class::DET != 0
                                    || e.roles.iter().any(|r| r == m)
                                    || possessor.contains(&m) && !e.keys.contains(m)
                            })
                    })
                    .collect();
                let pick = self
                    .best(&cands, pos, None)
                    .or_else(|| if org_head { None } else { self.named_next(pos) })
                    .or_else(|| self.epithet(head, mods, pos))
                    .or_else(|| self.untitled_focus(head, mods, pos));
                match pick {
                    Some(id) => self.resolved_to(id, pos),
                    None => Resolved::default(),
                }
            }
        }
    }
}

/// The gender a role noun or title gives its holder ("congresswoman", "father", "Mrs"): the
/// lexicon's gendered titles, and the "-man"/"-woman" compounds of news writing
/// ("businesswoman", "assemblyman"). "Chairman" and "spokesman" are said of women too, in
/// older style; they are the lexicon's call, not this one.
fn gendered_role(r: &str) -> Option<Gender> {
    let f = lexicon::flags(r);
    if f & class::MALE != 0 && !matches!(r, "his" | "him" | "himself") {
        return Some(Gender::Male);
    }
    if f & class::FEMALE != 0 && !matches!(r, "her" | "herself") {
        return Some(Gender::Female);
    }
    if r.ends_with("woman") || r.ends_with("women") {
        return Some(Gender::Female);
    }
    if matches!(
        r,
        "actress" | "widow" | "grandmother" | "aunt" | "niece" | "girlfriend" | "businesswoman"
    ) {
        return Some(Gender::Female);
    }
    if matches!(
        r,
        "widower"
            | "grandfather"
            | "uncle"
            | "nephew"
            | "boyfriend"
            | "congressman"
            | "businessman"
            | "assemblyman"
            | "alderman"
            | "councilman"
    ) {
        return Some(Gender::Male);
    }
    None
}

/// Words that make a title a different office: the shadow chancellor is not the chancellor,
/// the deputy prime minister not the prime minister, the former president not the president.
/// A role noun matches an entity only when both have the same of these (BBC politics: "the
/// chancellor" went to shadow chancellor Oliver Letwin, "the prime minister" to Deputy Prime
/// Minister John Prescott).
const QUALIFIERS: &[&str] = &["shadow", "deputy", "vice", "former", "assistant", "junior"];

/// Which [`QUALIFIERS`] a list of role words has, as a bit set; "ex", "ex-…" and "erstwhile"
/// count as "former" ("ex-Conservative chancellor Ken Clarke").
fn qualifiers(words: &[String]) -> u32 {
    let mut bits = 0;
    for w in words {
        let w = if w == "ex" || w == "erstwhile" || w.starts_with("ex-") {
            "former"
        } else {
            w.as_str()
        };
        if let Some(i) = QUALIFIERS.iter().position(|q| *q == w) {
            bits |= 1 << i;
        }
    }
    bits
}

/// Modifiers of a role noun that do not say which office: "the senior official", "the top
/// diplomat", "the new minister". Any other modifier ("foreign", "home", "defence", "press")
/// names the office, and must be among the roles the entity was introduced with: "the foreign
/// secretary" is not Home Secretary Charles Clarke.
fn is_vague_modifier(m: &str) -> bool {
    matches!(
        m,
        "senior"
            | "top"
            | "high-ranking"
            | "unnamed"
            | "anonymous"
            | "other"
            | "new"
            | "current"
            | "longtime"
            | "veteran"
            | "incoming"
            | "outgoing"
            | "then"
            | "embattled"
            | "beleaguered"
    )
}

/// Role nouns that name the same job: a spokeswoman is also the press secretary.
fn same_role(head: &str, r: &str, roles: &[String]) -> bool {
    let spokes = |w: &str| matches!(w, "spokesman" | "spokeswoman" | "spokesperson");
    spokes(head) && (spokes(r) || r == "secretary" && roles.iter().any(|x| x == "press"))
}

fn es_subset(es: &[String], split: &[String]) -> bool {
    es.iter().all(|k| split.contains(k))
}

/// The country a nationality, country, capital or seat of government names ("Kremlin" and
/// "Russian" both give "ru"), so that "a Kremlin spokesman" can match a "Russian government
/// spokesman".
#[rustfmt::skip]
fn country_key(m: &str) -> Option<&'static str> {
    Some(match m {
        "russian" | "russia" | "kremlin" | "moscow" => "ru",
        "american" | "america" | "us" | "u.s." | "washington" | "white" => "us",
        "chinese" | "china" | "beijing" => "cn",
        "korean" | "korea" | "pyongyang" | "seoul" | "dprk" => "kr",
        "japanese" | "japan" | "tokyo" => "jp",
        "british" | "britain" | "uk" | "london" => "gb",
        "french" | "france" | "paris" => "fr",
        "german" | "germany" | "berlin" => "de",
        "iranian" | "iran" | "tehran" => "ir",
        "ukrainian" | "ukraine" | "kyiv" | "kiev" => "ua",
        "israeli" | "israel" => "il",
        "syrian" | "syria" | "damascus" => "sy",
        "turkish" | "turkey" | "ankara" => "tr",
        "indian" | "india" => "in",
        "pakistani" | "pakistan" => "pk",
        _ => return None,
    })
}

#[rustfmt::skip]
#[allow(dead_code)]
fn is_nationality(m: &str) -> bool {
    matches!(
        m,
        "american" | "russian" | "chinese" | "korean" | "north" | "south" | "british" | "french"
            | "german" | "japanese" | "european" | "western" | "iranian" | "ukrainian" | "israeli"
            | "syrian" | "turkish" | "indian" | "us" | "u.s." | "america" | "russia" | "china"
            | "korea" | "britain" | "france" | "germany" | "japan" | "iran" | "ukraine" | "israel"
            | "syria" | "turkey" | "india" | "pakistan" | "pakistani" | "kremlin" | "beijing"
            | "moscow" | "washington" | "pyongyang" | "seoul" | "tokyo" | "north's" | "south's"
    )
}

fn strip_the(name: &str) -> &str {
    for p in ["the ", "The ", "THE "] {
        if let Some(r) = name.strip_prefix(p) {
            return r;
        }
    }
    name
}

/// Whether a token may be part of a name-phrase window in the pre-scan.
fn window_token(t: &Tok, inside: bool) -> bool {
    match t.kind {
        Kind::Word => {
            if t.cap {
                !t.has(class::STOP) || t.has(class::TITLE)
            } else {
                t.has(class::ROLE | class::MODIFIER) || (inside && t.has(class::PARTICLE))
            }
        }
        Kind::Punct('-') => inside,
        _ => false,
    }
}

/// Roles in an appositive after a name: ", a paramedic," / ", the minister,".
fn appositive_roles(toks: &[Tok], from: usize, to: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut j = from;
    if j < to && toks[j].has(class::DET) {
        j += 1;
    } else {
        // "Reuters cited the Amaq, IS-affiliated website.": without an article only a short
        // description that ends the sentence.
        let mut e = j;
        while e < to && e < from + 3 && toks[e].is_word() {
            e += 1;
        }
        let ends = e == to || toks[e].is_punct('.');
        if !ends || e == j || !toks[e - 1].has(class::ROLE) || toks[e - 1].cap {
            return out;
        }
    }
    while j < to && j < from + 6 && toks[j].is_word() {
        let t = &toks[j];
        if t.has(class::ROLE | class::MODIFIER | class::TITLE) || t.cap {
            out.push(t.stem().to_string());
        } else if t.lower == "of" || t.lower == "for" {
            break;
        } else {
            return Vec::new();
        }
        j += 1;
    }
    if out
        .iter()
        .any(|r| lexicon::flags(r) & (class::ROLE | class::TITLE) != 0)
    {
        out
    } else {
        Vec::new()
    }
}

/// Roles in an appositive before a name: "the council chair, NAME".
fn appositive_roles_left(toks: &[Tok], comma: usize, lo: usize) -> Vec<String> {
    let mut j = comma;
    let mut out = Vec::new();
    while j > lo && toks[j - 1].is_word() && comma - j < 6 {
        let t = &toks[j - 1];
        if t.has(class::DET) {
            break;
        }
        if t.has(class::ROLE | class::MODIFIER | class::TITLE) || t.cap {
            out.push(t.stem().to_string());
        } else {
            return Vec::new();
        }
        j -= 1;
    }
    if out
        .iter()
        .any(|r| lexicon::flags(r) & (class::ROLE | class::TITLE) != 0)
    {
        out
    } else {
        Vec::new()
    }
}
