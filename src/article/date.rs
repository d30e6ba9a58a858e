//! Publication dates as news prints them, parsed into [`jiff::civil::Date`].
//!
//! Forms recognised (case-insensitive), anywhere in a string:
//! - ISO and ISO-like: `2024-06-19`, `2024-06-19T08:00:00Z`, `2024-06-19 08:00:00.000000`,
//!   `2024/06/19` (URLs); the calendar date as printed, no time-zone conversion.
//! - day first with dots: `19.06.2024` (European; never month first).
//! - slashes: `19/06/2024` (a part > 12 decides); an ambiguous `06/07/2024` is month first unless
//!   the caller says the source writes day first ([`Order::DayFirst`]): US sources dominate the
//!   JSON and HTML sets checked (`allsides`, `readability`, `adbar`).
//! - month names: `June 19, 2024`, `Jun. 19 2024`, `19 June 2024`, `Wednesday 19 June 2024`,
//!   `19 Jun 2024 14:05 GMT`, `4. September 2022`, `19 de junio de 2024`; English, German, French,
//!   Spanish and Italian month names and their usual abbreviations.
//!
//! Out-of-range dates are rejected: years before 1900 or more than one year after today.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// How to read an ambiguous all-numeric `a/b/yyyy` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// `06/07/2024` is June 7 (US usage; the default).
    #[default]
    MonthFirst,
    /// `06/07/2024` is 6 July.
    DayFirst,
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("jänner", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
];

fn month_number(name: &str) -> Option<i8> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, v)| v)
}

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    names.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    let month = format!("(?:{})\\.?", names.join("|"));
    let pattern = format!(
        r"(?xi)
        (?P<iy>\b\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})(?:\b|T)
        | \b(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}})\b
        | \b(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>\d{{4}})\b
        | \b(?P<nd>\d{{1,2}})(?:st|nd|rd|th|\.)?\s*(?:of\s+|de\s+)?(?P<nm>{month})(?:\s*de)?,?\s+(?P<ny>\d{{4}})\b
        | \b(?P<mm>{month})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}})\b
        "
    );
    Regex::new(&pattern).expect("date regex")
});

/// A date found in a string, with its byte span in that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// Every plausible date in `s`, in order (see the module docs for forms and range).
pub fn find_dates(s: &str, order: Order) -> Vec<Found> {
    RE.captures_iter(s)
        .filter_map(|c| {
            let m = c.get(0)?;
            let num = |k: &str| c.name(k).and_then(|x| x.as_str().parse::<i32>().ok());
            let (y, mo, d) = if let Some(y) = num("iy") {
                (y, num("im")?, num("id")?)
            } else if let Some(y) = num("dy") {
                (y, num("dm")?, num("dd")?)
            } else if let Some(y) = num("sy") {
                let (a, b) = (num("sa")?, num("sb")?);
                if a > 12 || (order == Order::DayFirst && b <= 12) {
                    (y, b, a)
                } else {
                    (y, a, b)
                }
            } else if let Some(y) = num("ny") {
                (y, month_number(c.name("nm")?.as_str())? as i32, num("nd")?)
            } else {
                (
                    num("my")?,
                    month_number(c.name("mm")?.as_str())? as i32,
                    num("md")?,
                )
            };
            let date = make(y, mo, d)?;
            Some(Found {
                date,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

/// The first plausible date in `s`.
pub fn find_date(s: &str, order: Order) -> Option<Date> {
    find_dates(s, order).first().map(|f| f.date)
}

/// A date from a metadata value (JSON field, `<meta content>`, `<time datetime>`): the first date
/// in it, or a Unix timestamp in seconds or milliseconds (9–13 digits).
pub fn parse_value(s: &str) -> Option<Date> {
    let t = s.trim();
    if !t.is_empty() && t.len() >= 9 && t.len() <= 13 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        return from_timestamp(n);
    }
    find_date(t, Order::MonthFirst)
}

/// A US short date with a two-digit year, month first: `9/6/17` → 2017-09-06. Years up to this
/// year's last two digits are 20yy, later ones 19yy. Only the whole (trimmed) string is read.
pub fn short_us(s: &str) -> Option<Date> {
    static SHORT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{2})$").expect("short date regex"));
    let c = SHORT.captures(s.trim())?;
    let yy: i32 = c[3].parse().ok()?;
    let now = (jiff::Zoned::now().year() % 100) as i32;
    let y = if yy <= now { 2000 + yy } else { 1900 + yy };
    make(y, c[1].parse().ok()?, c[2].parse().ok()?)
}

/// A date from a Unix timestamp in seconds, or in milliseconds when it is larger than 10^11.
pub fn from_timestamp(n: i64) -> Option<Date> {
    let secs = if n.abs() > 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    let ts = jiff::Timestamp::from_second(secs).ok()?;
    let d = ts.to_zoned(jiff::tz::TimeZone::UTC).date();
    plausible(d).then_some(d)
}

fn make(y: i32, m: i32, d: i32) -> Option<Date> {
    let date = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    plausible(date).then_some(date)
}

/// Whether a publication date is believable: from 1900 up to one year after today.
pub fn plausible(d: Date) -> bool {
    let this_year = jiff::Zoned::now().year();
    d.year() >= 1900 && d.year() <= this_year + 1
}

/// A date in a URL path: `/2021/06/14/`, `/2021-06-14/`, `/20210614/`.
pub fn from_url(url: &str) -> Option<Date> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)",
        )
        .expect("url date regex")
    });
    let c = URL.captures(url)?;
    make(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d{2})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?",
    )
    .expect("timestamp regex")
});

/// A timestamp `2023-11-09T03:28:35Z` / `2023-11-08 22:28:35-05:00` / `2023-11-08 23:30:59`:
/// its civil date-time and its UTC offset in seconds (`None` when it gives no zone).
fn stamp(c: &regex::Captures) -> Option<(jiff::civil::DateTime, Option<i32>)> {
    let n = |i: usize| c[i].parse::<i16>().ok();
    let dt = jiff::civil::DateTime::new(
        n(1)?,
        i8::try_from(n(2)?).ok()?,
        i8::try_from(n(3)?).ok()?,
        i8::try_from(n(4)?).ok()?,
        i8::try_from(n(5)?).ok()?,
        i8::try_from(n(6)?).ok()?,
        0,
    )
    .ok()?;
    let offset = c.get(7).map(|z| {
        let z = z.as_str().replace(':', "");
        if z == "Z" {
            return 0;
        }
        let sign = if z.starts_with('-') { -1 } else { 1 };
        let h: i32 = z[1..3].parse().unwrap_or(0);
        let m: i32 = z[3..].parse().unwrap_or(0);
        sign * (h * 3600 + m * 60)
    });
    Some((dt, offset))
}

fn seconds(dt: jiff::civil::DateTime) -> Option<i64> {
    Some(
        dt.to_zoned(jiff::tz::TimeZone::UTC)
            .ok()?
            .timestamp()
            .as_second(),
    )
}

/// The publisher's own calendar date for a publication time given in UTC.
///
/// Many CMSs store `datePublished` / `article:published_time` in UTC (`…T03:28:35Z`,
/// `+00:00`), so an evening story in the Americas carries the next day's date, while the page
/// prints the local day. When `value` is such a UTC timestamp, `page` (the raw HTML) is searched
/// for another timestamp of the same instant in local time: one with a non-zero offset that
/// converts to exactly the same second (`2023-11-08T22:28:35-05:00`), or one without a zone
/// whose minutes and seconds match and whose hours differ by a whole or half-hour offset of at
/// most 14 hours (`2023-11-08 22:28:35`). Its date is returned; `None` when `value` is not a
/// UTC timestamp with seconds or no such twin is found. Checked on the `adbar` set (7 US pages
/// one day late without it) and the `readability` set (no date changed).
pub fn local_date_for_utc(value: &str, page: &str) -> Option<Date> {
    let c = STAMP.captures(value.trim())?;
    let (utc, offset) = stamp(&c)?;
    if offset != Some(0) {
        return None;
    }
    let at = seconds(utc)?;
    for c in STAMP.captures_iter(page) {
        let Some((local, zone)) = stamp(&c) else {
            continue;
        };
        let Some(t) = seconds(local) else { continue };
        let same_instant = match zone {
            Some(0) => false,
            Some(z) => t - i64::from(z) == at,
            None => {
                let diff = t - at;
                diff != 0 && diff % 1800 == 0 && diff.abs() <= 14 * 3600
            }
        };
        if same_instant && plausible(local.date()) {
            return Some(local.date());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn forms() {
        let f = |s| find_date(s, Order::MonthFirst);
        assert_eq!(f("19.06.2024"), Some(date(2024, 6, 19)));
        assert_eq!(f("June 19, 2024"), Some(date(2024, 6, 19)));
        assert_eq!(f("Jun. 19 2024"), Some(date(2024, 6, 19)));
        assert_eq!(f("19 Jun 2024 14:05 GMT"), Some(date(2024, 6, 19)));
        assert_eq!(f("Wednesday 19 June 2024"), Some(date(2024, 6, 19)));
        assert_eq!(f("2024-06-19T08:00:00+03:00"), Some(date(2024, 6, 19)));
        assert_eq!(f("2022-03-14 08:00:00.000000"), Some(date(2022, 3, 14)));
        assert_eq!(
            f("Veröffentlicht am 04.09.2022, 14:20 Uhr"),
            Some(date(2022, 9, 4))
        );
        assert_eq!(f("4. September 2022"), Some(date(2022, 9, 4)));
        assert_eq!(f("19 de junio de 2024"), Some(date(2024, 6, 19)));
        assert_eq!(f("06/07/2024"), Some(date(2024, 6, 7)));
        assert_eq!(
            find_date("06/07/2024", Order::DayFirst),
            Some(date(2024, 7, 6))
        );
        assert_eq!(f("25/12/2024"), Some(date(2024, 12, 25)));
        assert_eq!(f("0001-01-01"), None);
        assert_eq!(f("2999-01-01"), None);
        assert_eq!(f("in May 2024"), None);
    }

    #[test]
    fn urls_and_timestamps() {
        assert_eq!(
            from_url("https://x.com/2021/06/14/story"),
            Some(date(2021, 6, 14))
        );
        assert_eq!(
            from_url("https://x.com/news/20210614-story"),
            Some(date(2021, 6, 14))
        );
        assert_eq!(parse_value("1560000000"), Some(date(2019, 6, 8)));
        assert_eq!(short_us("9/6/17"), Some(date(2017, 9, 6)));
    }

    #[test]
    fn utc_stamp_to_local_day() {
        let page = r#"<time datetime="2021-04-02T09:00:00-07:00">other</time> {"date":"2021-04-01T21:14:05-04:00"}"#;
        assert_eq!(
            local_date_for_utc("2021-04-02T01:14:05Z", page),
            Some(date(2021, 4, 1))
        );
        assert_eq!(
            local_date_for_utc(
                "2021-04-02T01:14:05+00:00",
                r#"<time datetime="2021-04-01 19:14:05">"#
            ),
            Some(date(2021, 4, 1))
        );
        // No twin of the same instant: the UTC value stands.
        assert_eq!(
            local_date_for_utc("2021-04-02T01:14:05Z", "2021-04-01T21:14:06-04:00"),
            None
        );
        // Not a UTC value: nothing to convert.
        assert_eq!(local_date_for_utc("2021-04-01T21:14:05-04:00", page), None);
    }
}
