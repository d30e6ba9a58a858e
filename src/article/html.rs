//! The HTML reader: a page saved from the browser (`.html`, `.htm`, gzipped or not).
//!
//! 1. Bytes to text ([`super::decode`]): a BOM, else valid UTF-8, else the charset the page
//!    declares (`<meta charset>`, `http-equiv`), else a `chardetng` guess.
//! 2. Main-content extraction with a library (see [`main_paragraphs`] for the choice and the
//!    figures), turned into paragraphs at block elements, with the article sentences it drops
//!    put back ([`add_loose_text`]) and a closing author biography left out; `text` is the
//!    paragraphs joined by a blank line, what `extract --body` prints.
//! 3. Metadata, in order of trust: JSON-LD (`NewsArticle` and kin: `headline`, `datePublished`,
//!    `publisher.name`, `author`), Open Graph and `article:published_time` meta tags, other date
//!    metas, `<time datetime>` outside comment sections, the URL (`/2021/06/14/`), then a
//!    date-only line at the top of the text. The modified date is used only when nothing else
//!    gives a date; "3 hours ago" never is. Location: the dateline of the first body paragraphs.

use super::boilerplate::clean;
use super::date::{self, Order};
use super::{dateline, decode, Article, ReadError};
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// Reads a saved page. Errors: [`ReadError::Invalid`] for an empty or binary file, or a page
/// in which no text is found ("no article text found").
pub fn read_html(
    path: &str,
    bytes: &[u8],
    on_warning: &mut dyn FnMut(String),
) -> Result<Article, ReadError> {
    let invalid = |reason: &str| ReadError::Invalid {
        path: path.to_string(),
        reason: reason.to_string(),
    };
    let declared = declared_charset(bytes);
    let decoded = decode::decode(bytes, declared.as_deref()).map_err(|e| invalid(e.reason()))?;
    if let Some(note) = &decoded.note {
        if declared.is_none() {
            on_warning(format!("{path}: {note}"));
        }
    }
    if nesting_deeper_than(&decoded.text, MAX_NESTING) {
        return Err(invalid(&format!(
            "HTML nested deeper than {MAX_NESTING} elements, not a news page; skipped"
        )));
    }
    let mut article = parse_html(&decoded.text);
    if article.paragraphs.is_empty() {
        return Err(invalid("no article text found"));
    }
    article.path = path.to_string();
    Ok(article)
}

/// Deepest element nesting a page may have. html5ever's tree builder rescans its stack of open
/// elements for each tag, so parsing time grows with the square of the depth (measured: 10k levels
/// 0.45 s, 100k levels 80 s); real news pages stay far below a few hundred levels.
pub const MAX_NESTING: usize = 10_000;

/// Whether the elements of `html` nest deeper than `limit`, by a linear scan of its tags: an
/// opening tag adds a level, a closing tag removes one; void elements (`<br>`, `<img>`…),
/// self-closing tags, comments, doctypes and processing instructions add none. Unclosed `<p>` or
/// `<li>` tags count as open, so this overestimates depth on sloppy pages, never underestimates.
pub fn nesting_deeper_than(html: &str, limit: usize) -> bool {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let at = i + offset + 1;
        i = at;
        match bytes.get(at) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = bytes[at..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| at + n);
                let name = html[at..name_end].to_ascii_lowercase();
                let tag_end = bytes[name_end..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |n| name_end + n);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !VOID.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// The charset a page declares in its first 4 KiB (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|&b| b as char)
        .collect();
    let lower = head.to_ascii_lowercase();
    let i = lower.find("charset=")?;
    let rest = &lower[i + 8..];
    let rest = rest.trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Whether a date from trafilatura is its stand-in for a bare year: trafilatura gives January 1st
/// when it found only a year, which on pages without a date is any four digits it met (the
/// readability set: "2026" in MathJax's CSS class `mjx-c2026` became 2026-01-01, "©1998–2015" on
/// Mozilla's pages 1998-01-01). Such a date is kept only when the page writes it out
/// (`2024-01-01`, `01/01/2024`, `1 January 2024`, `January 1, 2024`).
fn is_bare_year_guess(d: jiff::civil::Date, html: &str) -> bool {
    if (d.month(), d.day()) != (1, 1) {
        return false;
    }
    let y = d.year();
    let written = [
        format!("{y}-01-01"),
        format!("01/01/{y}"),
        format!("1 January {y}"),
        format!("January 1, {y}"),
        format!("Jan. 1, {y}"),
        format!("Jan 1, {y}"),
    ];
    !written.iter().any(|w| html.contains(w.as_str()))
}

/// Builds an [`Article`] (without `path`) from a decoded page.
pub fn parse_html(html: &str) -> Article {
    let doc = Document::from(html);
    let meta = Meta::read(&doc, html);
    let (mut paras, traf) = main_paragraphs(html, &doc);
    add_loose_text(&doc, &mut paras);
    drop_closing_bio(&mut paras);
    let (text, paragraphs) = super::join_paragraphs(&paras);
    let (location, found) = dateline::locate(&text, &paragraphs);
    let mut published = meta.published;
    if published.is_none() {
        published = found.as_ref().and_then(|(d, _)| d.date);
    }
    if published.is_none() {
        // A date-only line among the first paragraphs ("Published 4 June 2021").
        published = paras
            .iter()
            .take(5)
            .filter_map(|p| super::boilerplate::date_line(p))
            .find(|(_, upd)| !upd)
            .map(|(d, _)| d);
    }
    let traf_date = traf
        .as_ref()
        .and_then(|t| t.date)
        .and_then(|d| date::parse_value(&d.to_string()))
        .filter(|d| !is_bare_year_guess(*d, html));
    if published.is_none() {
        published = traf_date;
    }
    if published.is_none() {
        published = meta.modified;
    }
    let nonempty = |s: &str| Some(clean(s)).filter(|s| !s.is_empty());
    let source = meta
        .source
        .or_else(|| traf.as_ref().and_then(|t| nonempty(&t.sitename)))
        .or_else(|| found.as_ref().and_then(|(d, _)| d.agency.clone()));
    let title = meta
        .title
        .or_else(|| traf.as_ref().and_then(|t| nonempty(&t.title)));
    Article {
        title,
        source,
        url: meta.url,
        published,
        location,
        dateline: found.map(|(_, span)| span),
        authors: meta.authors,
        paragraphs,
        text,
        ..Default::default()
    }
}

/// Page metadata found outside the main text.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<jiff::civil::Date>,
    modified: Option<jiff::civil::Date>,
    authors: Vec<String>,
}

fn meta_content(doc: &Document, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|sel| {
        doc.select(sel).iter().find_map(|n| {
            n.attr("content")
                .map(|c| clean(&c))
                .filter(|c| !c.is_empty())
        })
    })
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "WebPage",
];

/// Every JSON-LD object of the page (arrays and `@graph` flattened).
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    fn flatten(v: Value, out: &mut Vec<Value>) {
        match v {
            Value::Array(a) => a.into_iter().for_each(|x| flatten(x, out)),
            Value::Object(mut o) => {
                if let Some(g) = o.remove("@graph") {
                    flatten(g, out);
                }
                out.push(Value::Object(o));
            }
            _ => {}
        }
    }
    for n in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let t = n.text().replace("<![CDATA[", "").replace("]]>", "");
        // Tolerate `<![CDATA[ … ]]>` and comment wrappers: the JSON is from the first `{`/`[`
        // to the last `}`/`]`.
        let (Some(a), Some(b)) = (t.find(['{', '[']), t.rfind(['}', ']'])) else {
            continue;
        };
        if b < a {
            continue;
        }
        if let Ok(v) = serde_json::from_str::<Value>(&t[a..=b]) {
            flatten(v, &mut out);
        }
    }
    out
}

fn ld_type_rank(v: &Value) -> Option<usize> {
    let t = v.get("@type")?;
    let types: Vec<&str> = match t {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .iter()
        .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
        .min()
}

fn ld_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("name").and_then(ld_str),
        Value::Array(a) => a.iter().find_map(ld_str),
        _ => None,
    }
}

impl Meta {
    fn read(doc: &Document, html: &str) -> Meta {
        let mut m = Meta::default();
        let ld = json_ld(doc);
        let mut articles: Vec<&Value> = ld.iter().filter(|v| ld_type_rank(v).is_some()).collect();
        articles.sort_by_key(|v| ld_type_rank(v).unwrap_or(usize::MAX));
        let ld_get = |key: &str| articles.iter().find_map(|v| v.get(key).and_then(ld_str));

        // Title, in the order of Mozilla Readability's metadata (the `readability` set's
        // reference): JSON-LD headline/name, Dublin Core, Open Graph, `<meta name=title>`,
        // Twitter, Parse.ly, then `<title>` without its site suffix, then the first `<h1>`.
        let html_title = clean(&doc.select("head title").first().text());
        m.source = meta_content(
            doc,
            &[
                r#"meta[property="og:site_name"]"#,
                r#"meta[name="og:site_name"]"#,
            ],
        )
        .or_else(|| {
            articles
                .iter()
                .find_map(|v| v.get("publisher").and_then(ld_str))
        })
        .or_else(|| {
            meta_content(
                doc,
                &[
                    r#"meta[name="application-name"]"#,
                    r#"meta[name="publisher"]"#,
                ],
            )
        })
        .or_else(|| {
            ld.iter()
                .find(|v| v.get("@type").and_then(Value::as_str) == Some("WebSite"))
                .and_then(|v| v.get("name"))
                .and_then(ld_str)
        });
        let ld_title = articles.iter().find_map(|v| {
            let headline = v.get("headline").and_then(ld_str);
            let name = v.get("name").and_then(ld_str);
            match (headline, name) {
                (Some(h), Some(n)) if h != n => Some(
                    if similarity(&n, &html_title) > similarity(&h, &html_title) {
                        n
                    } else {
                        h
                    },
                ),
                (h, n) => h.or(n),
            }
        });
        m.title = ld_title
            .or_else(|| {
                meta_content(
                    doc,
                    &[
                        r#"meta[name="dc:title"]"#,
                        r#"meta[name="DC.title"]"#,
                        r#"meta[name="dcterm:title"]"#,
                        r#"meta[property="dc:title"]"#,
                        r#"meta[property="dcterm:title"]"#,
                        r#"meta[property="og:title"]"#,
                        r#"meta[name="og:title"]"#,
                        r#"meta[name="title"]"#,
                        r#"meta[name="twitter:title"]"#,
                        r#"meta[property="twitter:title"]"#,
                        r#"meta[name="parsely-title"]"#,
                    ],
                )
            })
            .or_else(|| {
                (!html_title.is_empty())
                    .then(|| strip_site_suffix(&html_title, m.source.as_deref()))
            })
            .or_else(|| {
                let t = clean(&doc.select("h1").first().text());
                (!t.is_empty()).then_some(t)
            });

        m.url = doc
            .select(r#"link[rel="canonical"]"#)
            .attr("href")
            .map(|h| h.to_string())
            .or_else(|| meta_content(doc, &[r#"meta[property="og:url"]"#]))
            .or_else(|| ld_get("url"))
            .filter(|u| u.starts_with("http"));

        m.authors = articles
            .iter()
            .find_map(|v| {
                let a = v.get("author")?;
                let names: Vec<String> = match a {
                    Value::Array(xs) => xs.iter().filter_map(ld_str).collect(),
                    other => ld_str(other).into_iter().collect(),
                };
                (!names.is_empty()).then_some(names)
            })
            .or_else(|| {
                meta_content(
                    doc,
                    &[
                        r#"meta[name="author"]"#,
                        r#"meta[property="article:author"]"#,
                    ],
                )
                .map(|a| vec![a])
            })
            .unwrap_or_default();

        // The first datePublished that parses, else the first published meta; a UTC value is
        // read as the publisher's local day when the page gives the same instant in local time.
        let stated = articles
            .iter()
            .filter_map(|v| v.get("datePublished").and_then(ld_str))
            .find(|s| date::parse_value(s).is_some())
            .or_else(|| meta_content(doc, PUBLISHED_METAS));
        m.published = stated
            .and_then(|s| date::local_date_for_utc(&s, html).or_else(|| date::parse_value(&s)))
            .or_else(|| time_element(doc))
            .or_else(|| m.url.as_deref().and_then(date::from_url))
            .or_else(|| visible_date(doc, page_order(doc)))
            .or_else(|| {
                articles.iter().find_map(|v| {
                    v.get("dateCreated")
                        .and_then(ld_str)
                        .and_then(|s| date::parse_value(&s))
                })
            });
        m.modified = articles
            .iter()
            .find_map(|v| {
                v.get("dateModified")
                    .and_then(ld_str)
                    .and_then(|s| date::parse_value(&s))
            })
            .or_else(|| meta_content(doc, MODIFIED_METAS).and_then(|s| date::parse_value(&s)));
        m
    }
}

const PUBLISHED_METAS: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[name="article:published_time"]"#,
    r#"meta[property="og:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publishdate"]"#,
    r#"meta[name="publish-date"]"#,
    r#"meta[name="publish_date"]"#,
    r#"meta[name="date"]"#,
    r#"meta[name="dc.date.issued"]"#,
    r#"meta[name="DC.date.issued"]"#,
    r#"meta[name="dcterms.created"]"#,
    r#"meta[name="DC.date"]"#,
    r#"meta[name="dc.date"]"#,
    r#"meta[name="sailthru.date"]"#,
    r#"meta[name="parsely-pub-date"]"#,
    r#"meta[name="citation_publication_date"]"#,
    r#"meta[property="rnews:datePublished"]"#,
    r#"meta[name="original-publish-date"]"#,
    r#"meta[name="created"]"#,
];

const MODIFIED_METAS: &[&str] = &[
    r#"meta[property="article:modified_time"]"#,
    r#"meta[property="og:updated_time"]"#,
    r#"meta[itemprop="dateModified"]"#,
    r#"meta[name="last-modified"]"#,
];

/// Share of the words of `a` that are in `b` (case-insensitive), 0 to 1.
fn similarity(a: &str, b: &str) -> f64 {
    let b: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| b.contains(w)).count() as f64 / words.len() as f64
}

/// Words in an id or class that mark a comment section, a sidebar, a teaser list or a footer.
const ASIDE_WORDS: &[&str] = &[
    "comment",
    "related",
    "sidebar",
    "teaser",
    "recommend",
    "footer",
    "popular",
];

/// Words in an id or class that mark a share widget or a newsletter box.
const WIDGET_WORDS: &[&str] = &["share", "social", "newsletter"];

/// An element's id and class, lower-cased, as one string.
fn id_and_class(n: &NodeRef) -> String {
    format!(
        "{} {}",
        n.attr("id").unwrap_or_default(),
        n.attr("class").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

/// Whether an element's id or class names a comment section, a sidebar, a teaser list, a share
/// widget or a footer.
fn is_aside_key(n: &NodeRef) -> bool {
    let key = id_and_class(n);
    ASIDE_WORDS
        .iter()
        .chain(WIDGET_WORDS)
        .any(|w| key.contains(w))
}

/// Whether a node sits in a comment section, a sidebar or a teaser list (by tag, id or class).
fn in_aside(n: &NodeRef) -> bool {
    n.ancestors_it(Some(12)).any(|a| {
        let name = a.node_name().map(|s| s.to_string()).unwrap_or_default();
        if matches!(name.as_str(), "aside" | "footer" | "nav") {
            return true;
        }
        let key = id_and_class(&a);
        ASIDE_WORDS.iter().any(|w| key.contains(w))
    })
}

/// The first `<time>` giving a publication date: one marked `itemprop="datePublished"` or
/// `pubdate` first, else the first with a `datetime` outside comments and sidebars, whose own
/// class does not say "updated"/"modified".
fn time_element(doc: &Document) -> Option<jiff::civil::Date> {
    let marked =
        doc.select(r#"time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"]"#);
    for n in marked.iter() {
        let v = n
            .attr("datetime")
            .or_else(|| n.attr("content"))
            .map(|s| s.to_string())
            .unwrap_or_else(|| n.text().to_string());
        if let Some(d) = date::parse_value(&v) {
            return Some(d);
        }
    }
    for n in doc.select("time").nodes() {
        if in_aside(n) {
            continue;
        }
        let key = format!(
            "{} {}",
            n.attr("class").unwrap_or_default(),
            n.parent().and_then(|p| p.attr("class")).unwrap_or_default()
        )
        .to_ascii_lowercase();
        if key.contains("updat") || key.contains("modif") {
            continue;
        }
        let v = n
            .attr("datetime")
            .map(|s| s.to_string())
            .unwrap_or_else(|| n.text().to_string());
        if let Some(d) = date::parse_value(&v) {
            return Some(d);
        }
    }
    None
}

/// How the page writes an ambiguous `06/07/2024`, from `<html lang>`: month first for `en`,
/// `en-US` and pages that do not say; day first for every other language and English region
/// (`en-GB`, `en-IN`, `fr`, `de`…).
fn page_order(doc: &Document) -> Order {
    let lang = doc
        .select("html")
        .attr("lang")
        .map(|l| l.to_ascii_lowercase())
        .unwrap_or_default();
    if lang.is_empty() || lang == "en" || lang.starts_with("en-us") || lang.starts_with("en_us") {
        Order::MonthFirst
    } else {
        Order::DayFirst
    }
}

/// A date printed in an element whose class or id says date/time/published/byline/meta, outside
/// comments and sidebars, not marked as an update.
fn visible_date(doc: &Document, order: Order) -> Option<jiff::civil::Date> {
    let sel = r#"[class*="date"], [class*="Date"], [id*="date"], [class*="publish"], [class*="posted"], [class*="byline"], [class*="time"], [class*="meta"]"#;
    for n in doc.select(sel).nodes().iter().take(60) {
        if in_aside(n) {
            continue;
        }
        let key = format!(
            "{} {}",
            n.attr("class").unwrap_or_default(),
            n.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        if key.contains("updat") || key.contains("modif") || key.contains("comment") {
            continue;
        }
        let t = clean(&n.text());
        if t.len() > 200 || t.to_lowercase().contains("updated") {
            continue;
        }
        if let Some(d) = date::find_date(&t, order) {
            return Some(d);
        }
    }
    None
}

/// "Port operator doubles storage - The Daily Wire" → "Port operator doubles storage": a
/// trailing " - Site", " | Site", " :: Site", " — Site" is cut when the part cut is the site's
/// name or a few words (at most 4) and the rest is longer.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let t = clean(title);
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · ", " • "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let tail_norm = tail.trim().to_lowercase();
            let is_site = site.is_some_and(|s| {
                let s = s.to_lowercase();
                s == tail_norm || s.contains(&tail_norm) || tail_norm.contains(&s)
            });
            if is_site
                || (site.is_none()
                    && tail.split_whitespace().count() <= 4
                    && head.split_whitespace().count() >= 3)
            {
                return head.trim().to_string();
            }
        }
    }
    // A leading "Site | Title".
    if let Some(s) = site {
        for sep in [" | ", " - ", " — ", ": "] {
            if let Some((head, tail)) = t.split_once(sep) {
                if head.trim().eq_ignore_ascii_case(s) && !tail.trim().is_empty() {
                    return tail.trim().to_string();
                }
            }
        }
    }
    t
}

/// Elements whose text starts a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "blockquote",
    "section",
    "article",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "table",
    "pre",
    "header",
    "footer",
    "dd",
    "dt",
    "dl",
    "main",
    "aside",
    "hr",
    "address",
    "caption",
    "center",
    "form",
    "nav",
    "summary",
    "details",
];

/// Elements never read as text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "head", "button", "select",
    "textarea", "object",
];

fn walk(n: &NodeRef, out: &mut Vec<String>, cur: &mut String, page: bool) {
    if n.is_text() {
        cur.push_str(&n.text());
        return;
    }
    if !n.is_element() && !n.is_document() && !n.is_fragment() {
        return;
    }
    let name = n
        .node_name()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default();
    if SKIP.contains(&name.as_str()) {
        return;
    }
    if page && (matches!(name.as_str(), "nav" | "aside" | "footer" | "form") || is_aside_key(n)) {
        return;
    }
    let block = BLOCKS.contains(&name.as_str());
    if block {
        flush(out, cur);
    }
    for c in n.children_it(false) {
        walk(&c, out, cur, page);
    }
    if block {
        flush(out, cur);
    }
}

fn flush(out: &mut Vec<String>, cur: &mut String) {
    let t = clean(cur);
    if !t.is_empty() {
        out.push(t);
    }
    cur.clear();
}

/// The paragraphs of an HTML fragment or page: text split at block elements, whitespace
/// collapsed (non-breaking spaces become spaces), scripts and styles left out.
pub fn paragraphs_of(html: &str) -> Vec<String> {
    let doc = Document::fragment(html);
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(&doc.root(), &mut out, &mut cur, false);
    flush(&mut out, &mut cur);
    out
}

/// The text of an HTML fragment (a JSON field holding markup): its paragraphs, one per line.
pub fn html_fragment_text(html: &str) -> String {
    paragraphs_of(html).join("\n")
}

/// The main content of a page as paragraphs, and the extractor's metadata.
///
/// Extraction is `trafilatura` (the Rust port, crate `trafilatura` 0.6) with
/// `ExtractionFocus::FavorRecall`; its cleaned HTML is split into paragraphs at block elements.
/// Chosen on `../shared/data/html/aeb` (181 pages, `score_articles.py`, body shingle F1):
///
/// | crate | precision | recall | F1 |
/// |---|---|---|---|
/// | trafilatura 0.6, FavorRecall | 0.948 | 0.975 | **0.961** |
/// | rs-trafilatura 0.2.2 (default; favor_recall the same) | 0.927 | 0.990 | 0.957 |
/// | trafilatura 0.6, default | 0.939 | 0.975 | 0.957 |
/// | dom_smoothie 0.19 | 0.917 | 0.989 | 0.952 |
/// | readability 0.3 | 0.924 | 0.867 | 0.895 |
/// | llm_readability 0.0.17 | 0.750 | 0.831 | 0.788 |
///
/// On `adbar` (snippets right, 182 pages) the order holds: trafilatura 0.703, rs-trafilatura
/// 0.692, dom_smoothie 0.615, readability 0.522. When trafilatura finds nothing, the page's `<p>`
/// elements outside asides are taken. When trafilatura finds nothing, or runs a short page's
/// blocks together into one paragraph, the `<article>` (or `<main>`, or `<body>`) is walked
/// block by block instead, leaving out `nav`, `aside`, `footer`, `form` and elements whose id or
/// class says comment, related, sidebar, teaser, share, newsletter.
pub fn main_paragraphs(html: &str, doc: &Document) -> (Vec<String>, Option<trafilatura::Metadata>) {
    let mut opts = trafilatura::Options::default();
    opts.focus = trafilatura::ExtractionFocus::FavorRecall;
    let result = std::panic::catch_unwind(|| trafilatura::extract(html, &opts).ok())
        .ok()
        .flatten();
    let fallback = || {
        // The article container (or the body), walked block by block without navigation,
        // asides, footers, forms, comments and teasers.
        let container = ["article", "main", r#"[role="main"]"#, "body"]
            .iter()
            .map(|sel| doc.select(sel))
            .find(|s| s.exists());
        let mut out = Vec::new();
        let mut cur = String::new();
        if let Some(c) = container {
            for n in c.nodes().iter().take(1) {
                walk(n, &mut out, &mut cur, true);
            }
        }
        flush(&mut out, &mut cur);
        out
    };
    match result {
        Some(r) => {
            let paras = paragraphs_of(&r.content_html);
            // On short pages trafilatura falls back to a baseline that runs blocks together
            // ("…cold storageBy Jane Ito…"): one paragraph where the page has several.
            if paras.len() <= 1 {
                let fb = fallback();
                if fb.len() > paras.len() {
                    return (fb, Some(r.metadata));
                }
            }
            (paras, Some(r.metadata))
        }
        None => (fallback(), None),
    }
}

/// Lower-cased words of `s`, one space apart, for comparing texts across markup.
fn words_of(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The runs of text an element holds directly, between its block children and `<br>`s: text
/// nodes and the text of inline children (links, emphasis), whitespace collapsed.
fn loose_runs(n: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in n.children_it(false) {
        if c.is_text() {
            cur.push_str(&c.text());
            continue;
        }
        if !c.is_element() {
            continue;
        }
        let name = c
            .node_name()
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) {
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut out, &mut cur);
        } else {
            cur.push_str(&c.text());
        }
    }
    flush(&mut out, &mut cur);
    out
}

/// Adds article text the extractor dropped because it sits loose in a container, not in a
/// `<p>`: sentences written straight into a `<div>` between `<br>`s, next to an image box or
/// after a heading (forum posts, broadcasters' and club sites' templates). A run counts when it
/// has at least 12 words, starts like a sentence (capital, digit or quote mark) and ends one,
/// holds no address (`http`) and at most one ellipsis (teaser lists do), is not already in the
/// text, and its element, outside
/// navigation and asides, also holds at least one of the extracted paragraphs, so that it is the
/// article's own container. The run goes before the first extracted paragraph that follows it in
/// the container, else after the last. The same holds for a `<p>` the extractor left out next
/// to the ones it kept (a lede in a box of its own, a deck in the article's header, a review's
/// verdict), unless it sits in an aside, a notice or call-to-action box ([`in_notice`]) or the
/// site's banner ([`in_site_header`]). Measured: `aeb` F1 0.9614 -> 0.965 (recall 0.9733 ->
/// 0.9849), `adbar` snippets +4 pages; about 15% more CPU per page.
fn add_loose_text(doc: &Document, paras: &mut Vec<String>) {
    if paras.is_empty() {
        return;
    }
    let mut have = words_of(&paras.join(" "));
    for n in doc
        .select("body div, body section, body article, body td")
        .nodes()
    {
        let runs: Vec<String> = loose_runs(n)
            .into_iter()
            .filter(|r| is_dropped_sentence(r, &have))
            .collect();
        if runs.is_empty() || in_aside(n) {
            continue;
        }
        let own = own_paragraphs(n);
        if !holds_extracted(&own, paras) {
            continue;
        }
        for run in runs {
            insert_in_page_order(&own, run, paras, &mut have);
        }
    }
    // `<p>` elements the extractor left out next to the ones it kept (a lede in a box of its
    // own, a verdict): the nearest of three ancestors that holds an extracted paragraph places it.
    for n in doc.select("body p").nodes() {
        let t = clean(&n.text());
        if !is_dropped_sentence(&t, &have) || in_aside(n) || in_notice(n) || in_site_header(n) {
            continue;
        }
        for a in n.ancestors_it(Some(3)) {
            let own = own_paragraphs(&a);
            if holds_extracted(&own, paras) {
                insert_in_page_order(&own, t, paras, &mut have);
                break;
            }
        }
    }
}

/// Words in an id or class that mark a call to action, a notice or a disclosure box.
const NOTICE_WORDS: &[&str] = &[
    "cta",
    "banner",
    "disclaimer",
    "disclosure",
    "promo",
    "subscri",
    "newsletter",
    "notice",
    "signup",
    "paywall",
    "cookie",
    "consent",
    "modal",
    "popup",
    "alert",
];

/// Whether a node or one of its six nearest ancestors is a call to action, a notice or a
/// disclosure box by its id or class ([`NOTICE_WORDS`]).
fn in_notice(n: &NodeRef) -> bool {
    std::iter::once(*n).chain(n.ancestors_it(Some(6))).any(|a| {
        let key = id_and_class(&a);
        NOTICE_WORDS.iter().any(|w| key.contains(w))
    })
}

/// Whether a node sits in the site's banner, a `<header>` that is a child of `<body>` (browser
/// and consent notices live there); an article's own `<header>` with its deck sits deeper.
fn in_site_header(n: &NodeRef) -> bool {
    n.ancestors_it(None).any(|a| {
        a.node_name()
            .is_some_and(|t| t.eq_ignore_ascii_case("header"))
            && a.parent()
                .and_then(|p| p.node_name())
                .is_some_and(|t| t.eq_ignore_ascii_case("body"))
    })
}

/// Whether `r` reads as a sentence of the article the extractor dropped: at least 12 words,
/// starts like a sentence (capital, digit or quote mark) and ends one, holds no address (`http`)
/// and at most one ellipsis (teaser lists do), and its words are not already in `have`.
fn is_dropped_sentence(r: &str, have: &str) -> bool {
    r.split_whitespace().count() >= 12
        && r.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || "\"“‘'(".contains(c))
        && !r.contains("http")
        && r.matches(['…']).count() + r.matches("...").count() <= 1
        && r.trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?'])
        && !have.contains(&words_of(r))
}

/// An element's paragraphs in page order, walked as a page (asides and widgets left out).
fn own_paragraphs(n: &NodeRef) -> Vec<String> {
    let mut own = Vec::new();
    let mut cur = String::new();
    walk(n, &mut own, &mut cur, true);
    flush(&mut own, &mut cur);
    own
}

/// Whether `own` holds one of the extracted paragraphs of at least 40 bytes.
fn holds_extracted(own: &[String], paras: &[String]) -> bool {
    own.iter().any(|p| p.len() >= 40 && paras.contains(p))
}

/// Inserts `run` before the first extracted paragraph that follows it in `own`, else after the
/// last one before it, else at the end; adds its words to `have`.
fn insert_in_page_order(own: &[String], run: String, paras: &mut Vec<String>, have: &mut String) {
    let Some(at) = own.iter().position(|p| *p == run) else {
        return;
    };
    let next = own[at + 1..]
        .iter()
        .find_map(|p| paras.iter().position(|q| q == p));
    let prev = own[..at]
        .iter()
        .rev()
        .find_map(|p| paras.iter().position(|q| q == p));
    let i = next.or(prev.map(|i| i + 1)).unwrap_or(paras.len());
    have.push(' ');
    have.push_str(&words_of(&run));
    paras.insert(i, run);
}

/// Words that name a trade in an author's biography ("… is a freelance writer").
const BIO_ROLES: &str = r"writer|journalist|columnist|contributor|editor|author|reporter|correspondent|founder|co-founder|consultant|professor|lecturer|analyst|researcher|fellow|blogger|commentator|strategist|economist|director";

/// Drops an author's biography closing the extracted text: a last paragraph that opens with a
/// capitalised name of two to four words followed by "is a/an/the …" with a trade word
/// ([`BIO_ROLES`]), or that says the person "has been writing about/for". Op-ed and blog
/// templates print it under the article, inside the container the extractor keeps. Only the
/// last paragraph is looked at, since an article's own sentences of this shape ("Ines Varga is
/// the director of the port") sit in its body. Checked on `adbar` and `aeb`.
fn drop_closing_bio(paras: &mut Vec<String>) {
    static BIO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"^(?:(?:[\p{{Lu}}][\p{{L}}'’.\-]+\s){{2,4}}(?:is|was) (?:a|an|the)\b[^.]{{0,120}}\b(?i:{BIO_ROLES})s?\b|[^.]{{0,200}}\.\s+(?:She|He|They) (?:has|have) been writing (?:about|for)\b)"
        ))
        .expect("bio rule")
    });
    if paras.len() > 1 && paras.last().is_some_and(|p| BIO.is_match(p)) {
        paras.pop();
    }
}
