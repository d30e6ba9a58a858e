//! Lines of a saved page that are not the article: subscription and login prompts, photo credits,
//! image captions stamped with the site's name, share widgets, "read more" teasers, and lines in
//! another script than the article's.
//!
//! Each rule is a small named pattern, matched on one line (case-insensitive). Checked on the seed
//! (all 7 boilerplate lines caught) and on `../shared/data/bbc` (2,225 files), `eval/polnear/dev-text`
//! and `eval/speakers/dev-text`, where no line is dropped (see `tests/article_text.rs`).

use super::date::{self, Order};
use jiff::civil::Date;
use regex::{Regex, RegexSet, RegexSetBuilder};
use std::sync::LazyLock;

const SOCIAL: &str = r"(?:facebook|twitter|x|whatsapp|telegram|vk|vkontakte|linkedin|reddit|pinterest|email|e-mail|mail|print|copy link|share|tweet|flipboard|messenger|ok|odnoklassniki|threads|bluesky)";

/// Rules, in the order of [`RULE_NAMES`].
static RULES: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(ascii_word_boundaries([
        // subscription / login / discussion prompts
        r"(?i)^(?:get the latest news|sign up (?:for|to)\b|subscribe (?:to|now|for)\b|subscribe$|to participate in the discussion|log in or register|(?:log|sign) ?in(?: or (?:register|sign up))?$|register$|newsletter$|already a subscriber|create (?:a free )?account|never miss\b|don'?t miss\b|stay (?:up to date|informed|in the know)\b|(?:get|receive) (?:the|our) .{0,60}(?:newsletter|daily|edition|emails?|updates)\b|we want to hear\b|do you want to be informed\b|(?:this|the) (?:post|article|page) (?:contains|may contain|includes) (?:references|affiliate)|we may earn\b|enable javascript|your browser does not support|to (?:view|read|continue reading|access|unlock) (?:the|this) (?:full|entire|whole|rest of the) (?:story|article)\b|(?:first-time|new) subscribers\b|(?:be part of|join) the (?:conversation|discussion)\b|submit (?:your|a) (?:letter|comment|story|tip|news tip|photo)s?\b|follow (?:us|[\p{L}\p{N}@.'&\- ]{1,40}?) on (?:twitter|facebook|instagram|x|linkedin|tiktok|youtube|whatsapp|telegram|threads|bluesky)\b|(?:\S+ ){0,4}newsletters?$)|\balready (?:a subscriber|have an account)\b|\bcancel(?:a)? (?:anytime|at any time|cuando quieras)\b|(?:^|\bfor (?:the|all the) latest\b.{0,60})download (?:the|our) .{0,50}\bapps?\b|\badd (?:the |all )?(?:ingredients|items?|products?|it|this|them) to (?:your|the) (?:basket|cart|bag|shopping list)\b",
        // comment-section rules and moderation notices
        r"(?i)\bcomments? (?:are|is|will be|may be|might be) (?:moderated|pre-moderated|republished)\b|^we welcome (?:reader |your )?comments\b|^we ask that (?:all )?comments\b|\bcomments? (?:must|should) be civil\b|(?:must|need to) be (?:logged in|signed in|registered) to (?:post|leave|write)?\s*(?:a )?comments?\b|\b(?:eingeloggt|angemeldet|registriert) sein,? um (?:einen )?kommentare? (?:zu )?(?:schreiben|verfassen|abzugeben)\b|\b(?:debes|tienes que) (?:estar )?(?:registrado|conectado|iniciar sesión) para (?:comentar|publicar un comentario)\b|\bvous devez être (?:connecté|identifié|inscrit) pour (?:commenter|publier un commentaire)\b",
        // cookie-consent banners ("This website uses cookies…", "By continuing to browse the site you agree…")
        r"(?i)^this (?:web ?)?(?:site|page) uses cookies\b|^we use cookies\b|\bby (?:continuing to )?(?:use|using|browse|browsing|visit|visiting) (?:this|our|the) (?:web ?)?site,? you (?:agree|consent|accept)\b|^(?:accept|allow|reject) (?:all )?cookies$|\bcontinuous usage of the website will be considered\b|^this (?:site|page|form) is protected by recaptcha\b|\byou are using (?:a browser version with limited support|an? (?:outdated|old|unsupported) (?:version of your )?browser)\b",
        // affiliate and advertising disclosures
        r"(?i)\badvertis(?:er|ing) (?:disclosure|disclaimer)\b|\badvertisers do not influence\b",
        // a label of the page's metadata ("Category: Press Releases", "Release Date:", "Tags: …")
        r"(?i)^(?:(?:news |release |publication |publish |post(?:ed)? )?date|categor(?:y|ies)|tags?|filed under|posted in|topics?)\s*:",
        // photo credits and media-bank links
        r"(?i)(?:^©|^\(c\)\s|go to the mediabank|^\(?(?:photo|image|picture|video)(?: credit)?s?\s*:|^\(?credits?\s*:|^(?:photo|image) by\b|/ (?:getty images|afp|reuters|ap)$|\ball rights reserved\b|(?:^|\s|\|)©\s*(?:\d{4}\s*)?[\p{L}][\p{L}\p{N} .&'\-]{0,40}$)",
        // a caption that ends in its credit in capitals ("… in the harbour. By HARBOUR POLICE")
        r"\sBy [\p{Lu}.&'\-]{2,}(?:\s[\p{Lu}\p{N}.&'\-]{2,}){1,5}$",
        // share widgets: a line made only of network names and separators
        &format!(r"(?i)^(?:share(?: this(?: article| story)?)?(?: on)?\s*:?\s*)?{SOCIAL}(?:[\s|·•,/]+{SOCIAL})*$|^click to (?:share on \w+|email this to a friend|print)(?: \(opens in new window\))?$"),
        // teasers and site furniture
        r"(?i)^(?:read more|read also|also read|related(?: articles| stories| news| coverage)?|see also|recommended|most read|trending|advertisement|sponsored|click here|all rights reserved|copyright\b|follow (?:us|\w+) on\b|à lire aussi|lire aussi|lesen sie auch|mehr zum thema|lea también|lea más|lea\s*:|leia (?:também|mais)|leggi anche|contenido relacionado|noticias relacionadas|artículos relacionados|articles? liés|ähnliche artikel|more from\b|most popular$|(?:you may|you might) (?:also )?like\b|the thomson reuters trust principles|our standards:)\s*[:.!]?",
        // a syndication credit that is only a site's address in capitals ("HARBOURNEWS.COM");
        // a lower-case address on its own line is a reference the article gives (aeb keeps it)
        r"^(?:SOURCE:\s*)?(?:WWW\.)?[A-Z0-9][A-Z0-9\-]*(?:\.[A-Z0-9\-]+)*\.(?:COM|NET|ORG|INFO|NEWS|CO\.UK|COM\.AU|CO\.NZ|CO\.ZA|CA|TV|VC|GOV)$",
        // a byline: "By Jane Ito", "By Jane Ito and Omar Fields, Chicago Bureau"
        r"^By (?:[\p{Lu}][\p{L}.'\-]*\s?){1,4}(?:(?:,|and|&)\s*(?:[\p{Lu}][\p{L}.'\-]*\s?){1,4})*(?:,\s*[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3})?$",
        // a whole line that is a widget's label, never a sentence of the article (found among the
        // narration passages of 3,000 allsides articles and the BBC set, up to 64 copies each)
        r"(?i)^(?:story continued below|ad|ads|close|usa today|media playback is unsupported on your device|(?:newsletter sign up )?continue reading the main story|sign-up successful!?|hide caption|toggle caption|skip (?:to|in) (?:main )?(?:content|ad)|[_*=~-]{3,}|follow us\s*:.*\b(?:apple news|google news)\b.*)$",
        // a photo's credit under its widget label ("Enlarge this image toggle caption Jane Ito/AP
        // Jane Ito/AP", "Image copyright AP"), or a credit alone ("Andy Wong/AP Photo"). A caption
        // with words of its own stays: the speakers gold annotates quotes in captions ("Image
        // copyright EPA Image caption Russian President Vladimir Putin said …").
        r"(?i:^(?:enlarge this image|toggle caption)\b|^image copyright(?:\s+\S+){1,3}$)|^[\p{Lu}][\p{L}.'\-]+(?:\s[\p{Lu}][\p{L}.'\-]+){0,3}\s?/\s?(?:AP|AFP|Reuters|REUTERS|Getty Images|NPR|Bloomberg)(?: Photo)?$",
    ]))
    .dfa_size_limit(64 << 20)
    .build()
    .expect("boilerplate rules")
});

/// The rules with `\b` read as an ASCII word boundary. A Unicode `\b` keeps the regex crate's
/// lazy DFA from running on any line with a non-ASCII character, and the fallback (PikeVM) took
/// half of all indexing CPU on allsides; the rules' words are ASCII, so the boundary is the same.
fn ascii_word_boundaries<const N: usize>(rules: [&str; N]) -> Vec<String> {
    rules
        .iter()
        .map(|r| r.replace(r"\b", r"(?-u:\b)"))
        .collect()
}

/// Names of the rules of [`is_boilerplate`], for reports and tests.
pub const RULE_NAMES: &[&str] = &[
    "prompt",
    "comment policy",
    "cookie notice",
    "advertising disclosure",
    "metadata label",
    "photo credit",
    "caption credit",
    "share widget",
    "site furniture",
    "site address",
    "byline",
    "widget label",
    "photo caption",
    "mixed scripts",
    "teaser excerpt",
];

/// The name of the rule that marks `line` as boilerplate, if any (see the module docs). Lines longer
/// than 300 bytes are boilerplate only by the "mixed scripts" rule.
pub fn is_boilerplate(line: &str) -> Option<&'static str> {
    let t: std::borrow::Cow<str> = if is_clean(line) {
        std::borrow::Cow::Borrowed(line)
    } else {
        std::borrow::Cow::Owned(clean(line))
    };
    // Both checks are skipped by a test that gives the same answer at a fraction of the cost
    // (they were a tenth of the reading time on allsides): a Cyrillic letter's UTF-8 lead byte,
    // and a line ending the way a teaser's excerpt can.
    if t.bytes().any(|b| (0xD0..=0xD3).contains(&b)) && mixed_script_words(&t) {
        return Some("mixed scripts");
    }
    let teaser_ending = t.ends_with(['…', ']', ')']) || t.ends_with("...");
    if teaser_ending && t.len() <= 1000 && TEASER_END.is_match(&t) {
        return Some("teaser excerpt");
    }
    if t.is_empty() {
        return None;
    }
    // A photo gallery's text in one line, longer than any rule reads ("Photos: … Hide Caption 1
    // of 24 Photos: …"): 44 in 3,000 allsides articles.
    if t.starts_with("Photos:") && t.contains("Hide Caption") {
        return Some("photo caption");
    }
    if t.len() > 300 {
        return None;
    }
    // Most lines match no rule: `is_match` answers that with the fast engine, and only a line that
    // matches pays for `matches`, which finds which rule (profiled on allsides: 6% of indexing).
    if !RULES.is_match(&t) {
        return None;
    }
    RULES.matches(&t).iter().next().map(|i| RULE_NAMES[i])
}

/// The end of a teaser's excerpt, a story's first lines cut off mid-sentence in a list of other
/// stories: the blog-engine marks `[…]`, `[...]`, `(…)`, or an ellipsis right after an article,
/// preposition or conjunction ("…for teams in the..."), where no sentence of an article stops.
/// Checked on `adbar` (teaser lists on two pages; no article paragraph ends so) and `aeb`.
static TEASER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[\[(](?:…|\.\.\.)[\])]|\s(?:the|a|an|of|in|on|at|to|for|from|with|by|and|or|but|that|which|who|is|are|was|were|has|have|had|will|would|this|its|their|his|her)(?:…|\.{3}))$")
        .expect("teaser end")
});

/// Whether at least two words of `line` mix Latin and Cyrillic letters ("Аdvеrtіѕе" with a
/// Cyrillic А, е, і, ѕ): advertising blocks spell themselves with look-alike letters to slip past
/// filters, and no language writes a word in both scripts. Checked on the `adbar` set (one page
/// with such an ad) and the plain-text sets of the module docs (no line).
fn mixed_script_words(line: &str) -> bool {
    let mixed = |w: &str| {
        let latin = w.chars().any(|c| c.is_ascii_alphabetic());
        let cyrillic = w.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c));
        latin && cyrillic
    };
    line.split_whitespace().filter(|w| mixed(w)).take(2).count() == 2
}

/// Removes the hover cards some sites leave glued into a paragraph's text, `None` when there is none.
///
/// The pattern (The Hill, in the allsides set: 294 cards in 3,000 articles): a name as the article
/// writes it, then the person's full name glued to the headlines of a card, up to ` MORE`:
/// "President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial … MORE on
/// Monday" becomes "President Trump on Monday". A card is cut only when its full name ends with the
/// same word as the name before it, at most four capitalised words between them, and ` MORE`
/// follows within 600 bytes.
pub fn strip_hover_cards(paragraph: &str) -> Option<String> {
    const MORE: &str = " MORE";
    let mut out = String::new();
    let mut kept_to = 0;
    let bytes = paragraph.as_bytes();
    let mut search_from = 0;
    while let Some(found) = paragraph[search_from..].find(MORE) {
        let more = search_from + found;
        let end = more + MORE.len();
        search_from = end;
        // " MORE" must end a word ("MORE’s", "MORE (D-Calif.)", "MORE on" are fine; "MOREOVER" not).
        if bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let window = more.saturating_sub(600).max(kept_to);
        let card = (window..more).find_map(|glue| {
            let (a, b) = (bytes[glue], *bytes.get(glue + 1)?);
            if !(a.is_ascii_lowercase() && b.is_ascii_uppercase()) {
                return None;
            }
            let surname_start = paragraph[..=glue].rfind(' ')? + 1;
            let surname = &paragraph[surname_start..=glue];
            if !surname.starts_with(|c: char| c.is_ascii_uppercase()) {
                return None;
            }
            // Back over at most four capitalised words to the same surname, as the text wrote it.
            let mut at = surname_start - 1;
            for _ in 0..=4 {
                let word_start = paragraph[..at].rfind(' ').map_or(0, |i| i + 1);
                let word = &paragraph[word_start..at];
                if word == surname && word_start >= window {
                    return Some(at);
                }
                if !word.starts_with(|c: char| c.is_uppercase() || c == '(') || word_start == 0 {
                    return None;
                }
                at = word_start - 1;
            }
            None
        });
        if let Some(cut_from) = card {
            out.push_str(&paragraph[kept_to..cut_from]);
            kept_to = end;
        }
    }
    if kept_to == 0 {
        return None;
    }
    out.push_str(&paragraph[kept_to..]);
    Some(out)
}

/// Whether [`clean`] would return `s` unchanged: single plain spaces only, none at the ends.
fn is_clean(s: &str) -> bool {
    let mut previous_space = true;
    for c in s.chars() {
        let space = c == ' ';
        if (space && previous_space)
            || (!space && (c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'))
        {
            return false;
        }
        previous_space = space;
    }
    !previous_space || s.is_empty()
}

/// Non-breaking and other odd spaces to plain spaces, runs collapsed, ends trimmed.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}') {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// A site stamp: "- Sputnik International, 1920" (the site's name line) or a caption ending in
/// "- Sputnik International, 1920, 19.06.2024" (an image caption with the image width and date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteStamp {
    /// The publisher, "Sputnik International".
    pub source: String,
    /// The date after the width, when given.
    pub date: Option<Date>,
    /// Whether the line holds only the stamp (no caption before it).
    pub alone: bool,
}

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)-\s+(?P<src>[\p{Lu}][\p{L}.&' ]{1,60}?),\s*\d{3,4}(?:,\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{4}))?\s*$")
        .expect("stamp regex")
});

/// Reads a [`SiteStamp`] line.
pub fn site_stamp(line: &str) -> Option<SiteStamp> {
    let t = clean(line);
    let c = STAMP.captures(&t)?;
    let date = c
        .name("date")
        .and_then(|d| date::find_date(d.as_str(), Order::DayFirst));
    Some(SiteStamp {
        source: c["src"].trim().to_string(),
        date,
        alone: c.get(0).map(|m| m.start() == 0).unwrap_or(false),
    })
}

static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:date|datum|fecha|release|released|published|publié|publicado|pubblicato|veröffentlicht|erschienen|posted|updated|last updated|aktualisiert|mis à jour|actualizado|modified|on|am|at|le|el|um|uhr|gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|local time|time|pm|by|mon|tue|wed|thu|fri|sat|sun)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b[ap]\.m\.|\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z\b|[+-]\d{2}:?\d{2})?|[|,:/()\-–—·•]",
    )
    .expect("date words")
});

/// A line that only gives a date ("Veröffentlicht am 04.09.2022, 14:20 Uhr", "Published: June 19,
/// 2024", "19.06.2024 08:00"): its date and whether it is an update stamp ("Updated 16 March 2022").
/// Numeric dotted dates are day first; slashed ones month first.
pub fn date_line(line: &str) -> Option<(Date, bool)> {
    let t = clean(line);
    if t.len() > 120 {
        return None;
    }
    let found = date::find_dates(&t, Order::MonthFirst);
    let first = found.first()?;
    let mut rest = String::new();
    rest.push_str(&t[..first.start]);
    rest.push(' ');
    rest.push_str(&t[first.end..]);
    let rest = DATE_WORDS.replace_all(&rest, " ");
    if rest.split_whitespace().count() > 0 {
        return None;
    }
    let lower = t.to_lowercase();
    let updated = [
        "updated",
        "aktualisiert",
        "mis à jour",
        "actualizado",
        "modified",
    ]
    .iter()
    .any(|w| lower.contains(w));
    Some((first.date, updated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn seed_lines() {
        assert!(is_boilerplate("Get the latest news from around the world, live coverage, off-beat stories, features and analysis.").is_some());
        assert!(is_boilerplate("To participate in the discussion").is_some());
        assert!(is_boilerplate("log in or register").is_some());
        assert!(
            is_boilerplate("©\u{a0}POOL\u{a0}/\u{a0}Go to the mediabankPeople of North Korea")
                .is_some()
        );
        assert!(is_boilerplate("Facebook Twitter WhatsApp").is_some());
        assert!(is_boilerplate("Share").is_some());
        assert!(
            is_boilerplate("Never miss the latest news by signing up to our newsletter").is_some()
        );
        assert!(is_boilerplate("À lire aussi : la suite").is_some());
        assert!(is_boilerplate("Credit: Jane Ito").is_some());
        assert!(is_boilerplate(
            "Putin Commends North Korea's Full-Fledged Support for Russian Policy"
        )
        .is_none());
        assert!(is_boilerplate("Kim: North Korea Backs Russian Special Op").is_none());
        assert!(is_boilerplate("Read the statement in full, he said.").is_none());
        assert_eq!(
            is_boilerplate("By Jane Ito, Chicago Bureau"),
            Some("byline")
        );
        assert_eq!(
            is_boilerplate("By Jane Ito and Omar Fields"),
            Some("byline")
        );
        assert!(is_boilerplate("By Tuesday the talks had failed.").is_none());
    }

    /// Page furniture found on the `adbar` set, one line per kind, written anew.
    #[test]
    fn news_page_furniture() {
        let cases = [
            (
                "Please note that comments are moderated before they appear.",
                "comment policy",
            ),
            (
                "We welcome reader comments on the stories of the day.",
                "comment policy",
            ),
            (
                "We ask that comments stay on topic and free of abuse.",
                "comment policy",
            ),
            (
                "This website uses cookies to improve your visit.",
                "cookie notice",
            ),
            (
                "By continuing to browse the site you agree to our use of cookies.",
                "cookie notice",
            ),
            (
                "Our editors pick every product, and advertisers do not influence our picks.",
                "advertising disclosure",
            ),
            ("Category : Community Notices", "metadata label"),
            ("Release Date:", "metadata label"),
            (
                "Posted date: 04/21/2022 Category: Notices",
                "metadata label",
            ),
            ("(Credit: Mara Lind / Harbour Weekly)", "photo credit"),
            (
                "Harbour Weekly Inc © 2021. All rights reserved",
                "photo credit",
            ),
            (
                "Award logo of the Lakeside Fair | © Lakeside Press",
                "photo credit",
            ),
            (
                "Officers unload crates at the pier on Sunday. By HARBOUR POLICE SERVICE",
                "caption credit",
            ),
            (
                "To read the full story, please subscribe to the Valley Courier.",
                "prompt",
            ),
            (
                "If you already have an account, log in for full access.",
                "prompt",
            ),
            ("First-time subscribers also receive a tote bag.", "prompt"),
            ("Be part of the conversation", "prompt"),
            ("Submit your letter to the editor via this form.", "prompt"),
            (
                "Follow The Valley Courier on Twitter and Instagram.",
                "prompt",
            ),
            ("Valley Courier Newsletter", "prompt"),
            (
                "Independent reporting costs money. Cancel anytime.",
                "prompt",
            ),
            (
                "For the latest headlines download the Courier apps for iOS and Android.",
                "prompt",
            ),
            (
                "Like this dish? Add the ingredients to your basket.",
                "prompt",
            ),
            (
                "Click to share on Reddit (Opens in new window)",
                "share widget",
            ),
            ("Lea más: El puerto amplía su horario", "site furniture"),
            ("Contenido Relacionado", "site furniture"),
            ("You may also like", "site furniture"),
            ("Most Popular", "site furniture"),
            (
                "Аdvеrtіѕе wіth us ~ Wе оffеr packages fоr every budget.",
                "mixed scripts",
            ),
            ("Story Continued Below", "widget label"),
            ("AD", "widget label"),
            ("CLOSE", "widget label"),
            ("USA TODAY", "widget label"),
            ("___", "widget label"),
            (
                "Media playback is unsupported on your device",
                "widget label",
            ),
            (
                "Newsletter Sign Up Continue reading the main story",
                "widget label",
            ),
            (
                "Follow us: Apple News | Google News | Flipboard",
                "widget label",
            ),
            (
                "Enlarge this image toggle caption Jane Ito/AFP/Getty Images Jane Ito/AFP/Getty Images",
                "photo caption",
            ),
            ("Omar Fields/AP Photo", "photo caption"),
            ("Image copyright Getty Images", "photo caption"),
            (
                "Photos: The harbour festival Photos: The harbour festival Boats line the quay. Hide Caption 1 of 12 Photos: The harbour festival Crowds on the pier on Sunday. Hide Caption 2 of 12 Photos: The harbour festival Fireworks over the water after the parade ended late in the evening. Hide Caption 3 of 12",
                "photo caption",
            ),
        ];
        for (line, rule) in cases {
            assert_eq!(is_boilerplate(line), Some(rule), "{line}");
        }
        // News sentences near those patterns stay.
        for line in [
            "The council said comments on the plan will be read in public.",
            "He was already registered to vote in the county.",
            "Residents can download the city's parking app from next week.",
            "The report by NATO was published on Monday.",
            "Officials said the date of the vote is not yet set.",
            "Image rights were at the heart of the dispute, the court said.",
            "Jane Ito, who photographed the quay for AP, said the crowd was calm.",
            // captions with words of their own: quotes in captions are annotated
            "Image copyright Reuters Image caption The mayor said the ferry terminal would reopen",
            "FILE PHOTO: A ferry leaves the east quay in Harbourton, March 4, 2023.",
            "The mayor at the east quay on Monday. (Photo: Omar Fields/AP)",
            "Category five storms are rare this far north, the agency said.",
            "The pier reopened in 2021 after the storm, the port said.",
            "She said she would follow the vote on television.",
            "Москва и Киев провели переговоры в Стамбуле.",
            "Close to 300 people attended the hearing.",
            "Ad hoc talks resumed on Monday.",
            "USA Today reported the figures first.",
        ] {
            assert_eq!(is_boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn hover_cards_are_cut_and_the_text_around_them_kept() {
        assert_eq!(
            strip_hover_cards("President Brask Halvor Emil BraskHarbour vote delayed again Ferry fares rise MORE on Monday said the port would open.").as_deref(),
            Some("President Brask on Monday said the port would open.")
        );
        assert_eq!(
            strip_hover_cards("aides of Sen. Ilsa Varnholt Ilsa Marie VarnholtSenate passes ferry bill MORE (D-Vask) and Tomas Brekke Tomas BrekkeQuay plan stalls MORE’s staff.").as_deref(),
            Some("aides of Sen. Ilsa Varnholt (D-Vask) and Tomas Brekke’s staff.")
        );
        // No repeated name, no card: "READ MORE", a McName, ordinary capitals.
        for line in [
            "READ MORE: Ferry fares rise in Vask",
            "Ilsa McDonald said the ferry would sail MORE often.",
            "The vote was ONE MORE delay.",
        ] {
            assert_eq!(strip_hover_cards(line), None, "{line}");
        }
    }

    #[test]
    fn is_clean_agrees_with_clean() {
        for line in [
            "",
            "Plain line.",
            " leading",
            "trailing ",
            "two  spaces",
            "nbsp\u{a0}here",
            "tab\there",
            "zero\u{200b}width",
            "a",
        ] {
            assert_eq!(is_clean(line), clean(line) == line, "{line:?}");
        }
    }

    #[test]
    fn stamps_and_date_lines() {
        let s = site_stamp("- Sputnik International, 1920").unwrap();
        assert_eq!(
            (s.source.as_str(), s.date, s.alone),
            ("Sputnik International", None, true)
        );
        let s = site_stamp("People of North Korea greet Russian President Vladimir Putin - Sputnik International, 1920, 19.06.2024").unwrap();
        assert_eq!(
            (s.source.as_str(), s.date, s.alone),
            ("Sputnik International", Some(date(2024, 6, 19)), false)
        );
        assert_eq!(
            date_line("Veröffentlicht am 04.09.2022, 14:20 Uhr"),
            Some((date(2022, 9, 4), false))
        );
        assert_eq!(
            date_line("Updated 16 March 2022"),
            Some((date(2022, 3, 16), true))
        );
        assert_eq!(
            date_line("Published: June 19, 2024 at 8:00 a.m. EDT"),
            Some((date(2024, 6, 19), false))
        );
        assert_eq!(date_line("The bridge stays closed until 12.10.2022."), None);
    }
}
