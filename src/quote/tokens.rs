//! Words, punctuation and quotations as tokens with byte spans, and sentences over them.
//!
//! A hand-written single pass (no regex): a word is a run of letters and digits joined by inner
//! hyphens, apostrophes and periods ("Jong-un", "didn’t", "U.S."); an abbreviation or an initial
//! keeps its period ("Mr.", "W."), so that a period token always ends a sentence or a number. A paired
//! quotation (see [`super::marks`]) is one token, so sentences never break inside a quote.

use super::lexicon::{self, class};
use super::marks::{is_any_space, MarkSpan};
use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A paired quotation: index into the article's [`MarkSpan`]s.
    Quote(usize),
}

/// One token with its byte span in the article text.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The word in lower case (empty for punctuation and quotes).
    pub lower: Cow<'a, str>,
    /// Whether the word begins with an upper-case letter.
    pub cap: bool,
    /// Class flags from the lexicon (0 for non-words).
    pub flags: u32,
    /// Index of the paragraph the token is in.
    pub para: usize,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Quote(_))
    }
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    /// The word without a possessive ending ("Korea's" → "korea").
    pub fn stem(&self) -> &str {
        let l: &str = &self.lower;
        l.strip_suffix("'s")
            .or_else(|| l.strip_suffix("’s"))
            .or_else(|| l.strip_suffix('\''))
            .or_else(|| l.strip_suffix('’'))
            .unwrap_or(l)
    }
    pub fn is_possessive(&self) -> bool {
        let l: &str = &self.lower;
        l.len() > 2 && (l.ends_with("'s") || l.ends_with("’s"))
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "capt", "prof", "rev", "vs", "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "mt", "ft", "gens", "sens", "reps", "govs", "adm", "cmdr", "maj",
    "messrs", "mme", "mlle", "nr", "bzw", "vgl", "ca", "approx", "est", "dept", "univ", "ave",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenises `text[from..to]`, turning each paired quotation that opens in the range into one
/// [`Kind::Quote`] token. `paras` gives the paragraph index of each position.
pub fn tokenize<'a>(
    text: &'a str,
    from: usize,
    to: usize,
    spans: &[MarkSpan],
    first_span: usize,
    para_of: &dyn Fn(usize) -> usize,
    out: &mut Vec<Tok<'a>>,
) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut si = first_span;
    while si < spans.len() && spans[si].open < from {
        si += 1;
    }
    while i < to {
        if si < spans.len() && spans[si].open == i {
            let s = spans[si];
            out.push(Tok {
                start: s.open,
                end: s.close,
                kind: Kind::Quote(si),
                lower: Cow::Borrowed(""),
                cap: false,
                flags: 0,
                para: para_of(s.open),
            });
            i = s.close.max(i + 1);
            si += 1;
            while si < spans.len() && spans[si].open < i {
                si += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap();
        let cl = c.len_utf8();
        if is_any_space(c) {
            i += cl;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i + cl;
            loop {
                if j >= to {
                    break;
                }
                let d = text[j..].chars().next().unwrap();
                if is_word_char(d) {
                    j += d.len_utf8();
                    continue;
                }
                if matches!(d, '-' | '\'' | '’' | '.' | '&' | '‐') {
                    let k = j + d.len_utf8();
                    if k < to {
                        let e = text[k..].chars().next().unwrap();
                        // "U.S." and "R-S.C." (a party and state tag) stay one word, but
                        // "end.Next" splits: a period joins capitals only after a single
                        // letter (counted from the last hyphen).
                        let seg = text[start..j].rsplit('-').next().unwrap_or("");
                        if is_word_char(e)
                            && !(d == '.'
                                && e.is_uppercase()
                                && seg.chars().count() > 1
                                && !text[start..j].contains('.'))
                        {
                            if si < spans.len() && spans[si].open == j {
                                break;
                            }
                            j = k;
                            continue;
                        }
                    }
                    // Possessive ending "players’" is part of the word.
                    if matches!(d, '\'' | '’')
                        && text[start..j].ends_with(['s', 'S'])
                        && j - start > 2
                        && !(si < spans.len() && spans[si].open == j)
                    {
                        j = k;
                    }
                }
                break;
            }
            // An abbreviation or initial keeps its period.
            if j < to && bytes[j] == b'.' {
                let w = &text[start..j];
                let single_letter = w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase());
                let lower = w.to_lowercase();
                if single_letter || w.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                    j += 1;
                }
            }
            let w = &text[start..j];
            let lower: Cow<'a, str> = if w.bytes().any(|b| b >= 0x80) {
                Cow::Owned(w.to_lowercase())
            } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            };
            // "al-Baghdadi", "el-Sisi": a lower-case particle joined to a name is a name.
            let cap = c.is_uppercase()
                || [
                    "al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "bin-", "ibn-", "abu-",
                ]
                .iter()
                .any(|p| w.starts_with(p) && w[p.len()..].starts_with(char::is_uppercase));
            let flags = lexicon::flags(&lower);
            out.push(Tok {
                start,
                end: j,
                kind: Kind::Word,
                lower,
                cap,
                flags,
                para: para_of(start),
            });
            i = j;
            continue;
        }
        // The horizontal bar (U+2015, HuffPost's dash) and the figure dash work as an em dash
        // in news copy; the rules only know `—` and `–`.
        let c = if matches!(c, '\u{2015}' | '\u{2012}') {
            '—'
        } else {
            c
        };
        out.push(Tok {
            start: i,
            end: i + cl,
            kind: Kind::Punct(c),
            lower: Cow::Borrowed(""),
            cap: false,
            flags: 0,
            para: para_of(i),
        });
        i += cl;
    }
    i
}

/// Splits a token list into sentences: `(first, last+1)` token index ranges.
///
/// A sentence ends at a period, question or exclamation mark followed by a capital, a digit or
/// a quotation; after a quotation whose content ends with a period and is followed by a capital;
/// and always at a paragraph break (quotations spanning paragraphs are single tokens).
pub fn sentences(text: &str, toks: &[Tok], spans: &[MarkSpan]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for i in 0..toks.len() {
        let t = &toks[i];
        let Some(n) = toks.get(i + 1) else { break };
        let next_starts = n.cap
            || n.is_quote()
            || (n.is_word() && n.lower.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let brk = if n.para != t.para
            && !matches!(t.kind, Kind::Quote(q) if spans[q].last_para >= n.para)
        {
            true
        } else {
            match t.kind {
                Kind::Punct('.' | '!' | '?' | '…') => {
                    next_starts || matches!(n.kind, Kind::Punct('(' | '[' | '—' | '–'))
                }
                Kind::Quote(q) => {
                    let sp = spans[q];
                    let last = text[sp.start..sp.end].chars().last().unwrap_or(' ');
                    // `"We won." Putin said.`: a tag after a quotation that opens its
                    // sentence. After a quotation inside a sentence (`… the nickname "Lyin'
                    // Ted." Trump called the senator …`) a capital starts a new sentence even
                    // when a cue follows.
                    let words_before = (s..i).any(|k| toks[k].is_word());
                    (last == '.' || last == '…')
                        && next_starts
                        && (words_before || !next_is_tag(toks, i + 1))
                        || (matches!(last, '?' | '!') && n.is_quote())
                }
                Kind::Punct(')') => {
                    // "…end.)" followed by a capital.
                    i > 0 && toks[i - 1].is_punct('.') && next_starts
                }
                _ => false,
            }
        };
        if brk {
            out.push((s, i + 1));
            s = i + 1;
        }
    }
    if s < toks.len() {
        out.push((s, toks.len()));
    }
    out
}

/// Whether the tokens from `i` look like a speech tag ("Putin said", "he added"), so that a
/// quote ending in a period before them does not end the sentence.
fn next_is_tag(toks: &[Tok], i: usize) -> bool {
    let mut j = i;
    let mut n = 0;
    while j < toks.len() && n < 6 {
        let t = &toks[j];
        if !t.is_word() {
            return false;
        }
        if lexicon::single_cue(&t.lower).is_some() && j > i {
            return true;
        }
        if t.has(class::PRONOUN) && j == i {
            // "He said" after a quote ending in a period is a new sentence in most styles only
            // when the pronoun does not precede a cue.
            j += 1;
            n += 1;
            continue;
        }
        j += 1;
        n += 1;
    }
    false
}

/// Whether a sentence is a title-case headline ("Obama Says Museum Will Tell an American
/// Story"): at least four words, most capitalised, and the lower-case ones only short function
/// words.
pub fn is_title_case(toks: &[Tok]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for t in toks.iter().filter(|t| t.is_word()) {
        words += 1;
        if t.cap {
            caps += 1;
        } else {
            let function_word = t.lower.len() <= 4 && t.has(class::STOP | class::DET);
            let number = t.lower.starts_with(|c: char| c.is_ascii_digit());
            if function_word || number {
                continue;
            }
            return false;
        }
    }
    words >= 4 && caps * 10 >= words * 6
}
