//! Datelines ("GENEVA, March 3 (Newswire) —") and the place a lede plainly states.
//!
//! A dateline opens a body paragraph: a city, perhaps a region ("NEWARK, NJ", "Austin, Texas"), perhaps a
//! date and a news agency in brackets or slashes, then a dash, a colon or the agency's closing slash:
//!
//! - `GENEVA, March 3 (Newswire) —`, `WASHINGTON (AP) —`, `OSLO —`, `LINZ –`, `BEIJING, Jan. 5 (Xinhua) --`
//! - `Pyongyang, June 19 /Sputnik/`, `MOSCOW, June 19. /TASS/.`, `NEWARK, NJ / WIREFEED / May 7, 2024 /`
//! - `Harbourton, 12 April 2023 —`, `LAGOS, 2 June 2022 —`
//!
//! A city in capitals needs only the dash; a city in title case needs a date or an agency as well, so
//! that "Kim — the leader — said" is not a dateline. Capitals are normalised ("NEW YORK" → "New York").
//! Checked on the BBC and PolNeAR texts (which have no datelines: no false positive in the first
//! paragraphs of 2,225 + 84 files) and on the cases of `../shared/cases`.

use super::date::{self, Order};
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The city, normalised ("Geneva").
    pub city: String,
    /// The date, when the dateline gives a year.
    pub date: Option<Date>,
    /// The news agency named in brackets or slashes ("Newswire", "Sputnik").
    pub agency: Option<String>,
    /// Byte length of the dateline at the start of the paragraph, separator and spaces included.
    pub len: usize,
    /// A title-case city with only a dash ("Brussels - EU regulators…"): trusted only at the
    /// start of the first body paragraph (news-please and News24 style).
    pub weak: bool,
}

const CAPS_WORD: &str = r"[\p{Lu}][\p{Lu}'’.\-]*";
const TITLE_WORD: &str = r"[\p{Lu}][\p{Ll}'’\-]+";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let date = format!(
        r"(?:{month}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s+{month}(?:\s+\d{{4}})?|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\.?"
    );
    let agency = r"(?:\((?P<agency1>[^()]{2,30})\)|/\s*(?P<agency2>[^/]{2,30}?)\s*/)";
    let sep = r"(?:—|–|--|-\s|:\s|\.(?:\s|$))";
    let pattern = format!(
        r"(?x)^
        (?:(?P<caps>{CAPS_WORD}(?:\s+(?:{CAPS_WORD}))*) | (?P<title>{TITLE_WORD}(?:\s+{TITLE_WORD}){{0,2}}))
        (?:,\s*(?P<region>(?:[\p{{Lu}}]\.){{2,3}}|[\p{{Lu}}]{{2}}\b|[\p{{Lu}}][\p{{Ll}}]+\.?))??
        (?:
            (?:,\s*(?P<date1>{date}))? \s* {agency} \s* (?:/?\s*(?P<date2>{date})\s*/?)? \s* (?P<sep1>{sep})?
          | ,\s*(?P<date3>{date}) \s* (?P<sep2>{sep})?
          | \s*(?P<sep3>—|–|--|-\s)
        )
        \s*"
    );
    Regex::new(&pattern).expect("dateline regex")
});

/// Reads a dateline at the start of `para` (see the module docs for the forms).
pub fn parse(para: &str) -> Option<Dateline> {
    let c = DATELINE.captures(para)?;
    let m = c.get(0)?;
    let date_text = c
        .name("date1")
        .or(c.name("date2"))
        .or(c.name("date3"))
        .map(|d| d.as_str());
    let agency = c
        .name("agency1")
        .or(c.name("agency2"))
        .map(|a| a.as_str().trim().to_string());
    let sep = c
        .name("sep1")
        .or(c.name("sep2"))
        .or(c.name("sep3"))
        .map(|s| s.as_str().trim())
        .unwrap_or("");
    let has_extra = date_text.is_some() || agency.is_some();
    let caps = c.name("caps");
    let city_raw = caps.or(c.name("title"))?.as_str();
    // What follows must be text, not more of a heading.
    if m.end() >= para.len() {
        return None;
    }
    if caps.is_some() && city_raw.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let weak = caps.is_none() && !has_extra;
    if weak {
        let rest = &para[m.end()..];
        if city_raw.split_whitespace().count() > 2
            || !rest
                .starts_with(|ch: char| ch.is_uppercase() || matches!(ch, '"' | '“' | '„' | '«'))
        {
            return None;
        }
    }
    if caps.is_none()
        && city_raw
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "The" | "A" | "An"))
    {
        return None;
    }
    if sep.is_empty() {
        // "Harbourton, 12 April 2023 The council…": the text must go on with a capital or a quote
        // ("Athletics Kenya (AK) had suspended…" is a sentence, not a dateline).
        let rest = &para[m.end()..];
        if !rest.starts_with(|ch: char| ch.is_uppercase() || matches!(ch, '"' | '“' | '„' | '«'))
        {
            return None;
        }
    }
    if let Some(a) = &agency {
        if a.chars().any(|c| c.is_ascii_digit()) || a.split_whitespace().count() > 4 {
            return None;
        }
    }
    let city = normalise_place(city_raw);
    if STOP_CITIES.iter().any(|s| s.eq_ignore_ascii_case(&city)) {
        return None;
    }
    let date = date_text.and_then(|d| date::find_date(d, Order::MonthFirst));
    let agency = agency.map(|a| {
        if a.chars().count() <= 5 {
            a
        } else {
            normalise_place(&a)
        }
    });
    Some(Dateline {
        city,
        date,
        agency,
        len: m.end(),
        weak,
    })
}

/// The dateline of an article: the first of the first three body paragraphs (`paragraphs` given
/// as byte spans of `text`) that opens with one; a [`Dateline::weak`] one only in the first.
/// Returns the dateline and its byte span in `text`.
pub fn find_in(
    text: &str,
    paragraphs: &[super::Paragraph],
) -> Option<(Dateline, super::Paragraph)> {
    paragraphs.iter().take(3).enumerate().find_map(|(i, p)| {
        let d = parse(&text[p.start..p.end])?;
        if d.weak && i > 0 {
            return None;
        }
        let span = super::Paragraph {
            start: p.start,
            end: p.start + d.len,
        };
        Some((d, span))
    })
}

/// The place of the article: the dateline city (see [`find_in`]), else the first
/// [`lede_place`] of the first three body paragraphs.
pub fn locate(
    text: &str,
    paragraphs: &[super::Paragraph],
) -> (Option<String>, Option<(Dateline, super::Paragraph)>) {
    if let Some((d, span)) = find_in(text, paragraphs) {
        return (Some(d.city.clone()), Some((d, span)));
    }
    let place = paragraphs
        .iter()
        .take(3)
        .find_map(|p| lede_place(&text[p.start..p.end]));
    (place, None)
}

/// Words that look like a dateline city but open ordinary sentences or headings.
const STOP_CITIES: &[&str] = &[
    "By",
    "Updated",
    "Published",
    "Posted",
    "Photo",
    "Image",
    "Video",
    "Read",
    "Related",
    "Share",
    "Editor's Note",
    "Note",
    "Update",
    "Breaking",
    "Exclusive",
    "Analysis",
    "Opinion",
    "Watch",
    "Listen",
    "Advertisement",
    "Comment",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Today",
    "Yesterday",
    "Source",
    // AP's "FILE - In this 2019 file photo, …" captions, and wire or broadcaster names that open a
    // paragraph the way a city does ("NPR - The host said …"): a publisher, not a place.
    "File",
    "Files",
    "File Photo",
    "NPR",
    "AFP",
    "Reuters",
    "CNN",
    "BBC",
    "UPI",
    "Bloomberg",
    "Xinhua",
    "Tass",
    "Kyodo",
    "Yonhap",
];

/// "NEW YORK" → "New York", "WINSTON-SALEM" → "Winston-Salem"; text with lower-case letters is kept.
pub fn normalise_place(s: &str) -> String {
    let s = s.trim().trim_end_matches([',', '.']).trim();
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for ch in s.chars() {
        if ch.is_alphabetic() {
            if start {
                out.extend(ch.to_uppercase());
            } else {
                out.extend(ch.to_lowercase());
            }
            start = false;
        } else {
            out.push(ch);
            start = ch == ' ' || ch == '-' || ch == '.';
        }
    }
    // Short words inside a place name stay lower case ("Port of Spain").
    out.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && matches!(w, "Of" | "De" | "La" | "Am" | "On" | "Upon") {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

static LEDE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(?:concluded|held|took\ place|takes\ place|taking\ place|met|meet|meeting|gathered|convened|opened|signed|arrived|landed|summit|talks|negotiations|rally|ceremony|visit|visiting|press\ conference|conference|debate|speech|hearing|session|forum|told\ reporters|spoke)\b
        [^.!?;:\x22“”]{0,40}?\bin\s+
        (?P<place>[\p{Lu}][\p{Ll}'’\-]+(?:[\ \-][\p{Lu}][\p{Ll}'’\-]+){0,2})",
    )
    .expect("lede place regex")
});

const NOT_PLACES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "This",
    "That",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "A",
    "An",
    "Parliament",
    "Congress",
    "Senate",
    "Court",
    "Government",
    "No",
    "English",
    "French",
    "Spanish",
    "German",
    "Russian",
    "Arabic",
    "Chinese",
    "Italian",
    "Portuguese",
];

const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "President",
    "Prime",
    "Minister",
    "King",
    "Queen",
    "Prince",
    "General",
];

/// The place where the reported event happens when a lede states it plainly: an event or meeting
/// word followed within 40 characters (same clause) by "in" and a capitalised name, as in
/// "talks … have concluded in Pyongyang" → "Pyongyang". Only the text up to the first quote mark is
/// looked at, so a place inside a quotation is not taken.
pub fn lede_place(para: &str) -> Option<String> {
    let end = para.find(['"', '“', '„', '«']).unwrap_or(para.len());
    let text = &para[..end];
    for c in LEDE_PLACE.captures_iter(text) {
        let place = c.name("place")?.as_str();
        // "London's South Bank" → "London".
        let place = place.split(['\'', '’']).next().unwrap_or(place);
        // "California Mr Torvalds" → "California": a title word ends the name.
        let words: Vec<&str> = place
            .split(' ')
            .take_while(|w| !TITLES.contains(w))
            .collect();
        let first = words
            .first()
            .and_then(|w| w.split('-').next())
            .unwrap_or("");
        if words.is_empty() || NOT_PLACES.contains(&first) || TITLES.contains(&first) {
            continue;
        }
        return Some(words.join(" "));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn city(s: &str) -> Option<String> {
        parse(s).map(|d| d.city)
    }

    #[test]
    fn datelines() {
        let d = parse("GENEVA, March 3 (Newswire) — The talks").unwrap();
        assert_eq!(
            (d.city.as_str(), d.agency.as_deref(), d.date),
            ("Geneva", Some("Newswire"), None)
        );
        let d = parse("Pyongyang, June 19 /Sputnik/ - Talks").unwrap();
        assert_eq!(
            (d.city.as_str(), d.agency.as_deref()),
            ("Pyongyang", Some("Sputnik"))
        );
        assert_eq!(
            city("OSLO — \"The tunnel opens in May,\" project lead Sigrid Aune said."),
            Some("Oslo".into())
        );
        assert_eq!(city("LINZ – „Die Brücke bleibt“"), Some("Linz".into()));
        let d = parse("Harbourton, 12 April 2023 — The council").unwrap();
        assert_eq!(
            (d.city.as_str(), d.date),
            ("Harbourton", Some(date(2023, 4, 12)))
        );
        let d = parse("LAGOS, 2 June 2022 — \"We will\"").unwrap();
        assert_eq!((d.city.as_str(), d.date), ("Lagos", Some(date(2022, 6, 2))));
        let d = parse("NEWARK, NJ / WIREFEED / May 7, 2024 / Harbor Logistics said").unwrap();
        assert_eq!(
            (d.city.as_str(), d.agency.as_deref(), d.date),
            ("Newark", Some("Wirefeed"), Some(date(2024, 5, 7)))
        );
        assert_eq!(city("WASHINGTON (AP) — The"), Some("Washington".into()));
        assert_eq!(city("NEW YORK — The"), Some("New York".into()));
        assert_eq!(
            city("BEIJING, Jan. 5 (Xinhua) -- China"),
            Some("Beijing".into())
        );
        assert_eq!(
            city("MOSCOW, June 19. /TASS/. Russia"),
            Some("Moscow".into())
        );
    }

    #[test]
    fn not_datelines() {
        assert_eq!(city("Kim — the leader — said"), None);
        assert!(parse("Brussels - EU regulators raided BMW").unwrap().weak);
        assert_eq!(
            city("Vladimir Putin — \"We will\""),
            Some("Vladimir Putin".into())
        );
        assert_eq!(city("US officials said on Monday"), None);
        assert_eq!(city("NATO said"), None);
        assert_eq!(city("Putin: we will win"), None);
        assert_eq!(city("Ms Hewitt said: \"We have\""), None);
        assert_eq!(city("By Jane Ito, Chicago Bureau"), None);
    }

    #[test]
    fn lede() {
        assert_eq!(
            lede_place("Negotiations between Russian President Vladimir Putin and North Korean leader Kim Jong-un with the participation of delegations have concluded in Pyongyang."),
            Some("Pyongyang".into())
        );
        assert_eq!(lede_place("The talks will be held in March."), None);
        assert_eq!(
            lede_place("The minister defended the plan during a debate in the Landsraad in Hallstad on Tuesday.").as_deref(),
            Some("Hallstad")
        );
    }
}
