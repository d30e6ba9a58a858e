//! Quote-mark pairing: which marks open and close a quotation, and where its content lies.
//!
//! One left-to-right scan over each paragraph, no backtracking. A mark's role comes from its glyph
//! and from what stands on either side of it (a space or an opening bracket before it makes an
//! opener, a letter before it and a space or punctuation after it makes a closer), so that
//! mismatched typography (a curly opener closed by a straight mark), German „…“ and »…«, French
//! « … » and straight marks all pair. Apostrophes (’s, wasn‘t, ’90s, rock ’n’ roll) are never
//! marks. A quotation is bounded by its paragraph, except for the multi-paragraph pattern of news
//! writing: a paragraph that leaves a quotation open continues into the next paragraph when that
//! one opens with a mark again; the closing mark comes only at the end of the last paragraph.
//! Checked on the seed, the cases in `../shared/cases` and PolNeAR train (where 22 of 84 dev
//! articles have an odd number of marks because of that pattern).

use crate::article::Article;

/// One paired quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the content (after the opening mark and any space).
    pub start: usize,
    /// Byte offset one past the content (before any space and the closing mark).
    pub end: usize,
    /// Byte offset one past the closing mark (or the end of the paragraph when unclosed).
    pub close: usize,
    /// Whether a closing mark was found (false: the quote was cut at the paragraph's end).
    pub closed: bool,
    /// Index of the paragraph where the quote opens.
    pub first_para: usize,
    /// Index of the paragraph where it closes.
    pub last_para: usize,
    /// Whether the marks are single (‘…’ or '…') rather than double.
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Either,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}' || c == '\u{200b}'
}

/// Before an opener: start of text, space, opening bracket or dash.
fn left_flank(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => is_space(c) || "([{—–-/:;".contains(c) || is_double(c) || is_single(c),
    }
}

/// After a closer: end of text, space, punctuation or closing bracket.
fn right_flank(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => is_space(c) || ".,;:!?)]}—–-…/".contains(c) || is_double(c) || is_single(c),
    }
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '＂')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

/// The role of a double mark from its glyph and its neighbours.
fn double_role(c: char, prev: Option<char>, next: Option<char>) -> Role {
    let (l, r) = (left_flank(prev), right_flank(next));
    match c {
        '“' | '«' => {
            if !l && r {
                Role::Close
            } else {
                Role::Open
            }
        }
        '”' | '»' => {
            if l && !r {
                Role::Open
            } else {
                Role::Close
            }
        }
        '„' | '‟' => Role::Open,
        _ => {
            if l && !r {
                Role::Open
            } else if !l && r {
                Role::Close
            } else {
                Role::Either
            }
        }
    }
}

/// The role of a single mark, or `None` when it is an apostrophe.
fn single_role(c: char, prev: Option<char>, next: Option<char>, after: &str) -> Option<Role> {
    let (l, r) = (left_flank(prev), right_flank(next));
    // ’90s, '90s, ’n’, 'n', 'tis, ’em: apostrophes of elision.
    let rest = after.trim_start_matches(['n', 'N']);
    if next.is_some_and(|n| n.is_ascii_digit())
        || (next.is_some_and(|n| n == 'n' || n == 'N') && rest.starts_with(['\'', '’']))
        || (prev.is_some_and(|p| p == 'n' || p == 'N') && after.is_empty())
    {
        return None;
    }
    match c {
        '‘' | '‚' | '‹' | '\'' => {
            if l && !r {
                Some(Role::Open)
            } else if !l && r && c != '‚' {
                Some(Role::Close)
            } else {
                None
            }
        }
        '’' | '›' => {
            if !l && r {
                Some(Role::Close)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether the paragraph text begins with an opening double mark (after spaces).
fn opens_with_mark(text: &str) -> Option<usize> {
    let t = text.trim_start_matches(is_space);
    let off = text.len() - t.len();
    if t.starts_with("''") || t.starts_with("``") {
        return Some(off);
    }
    let mut it = t.chars();
    let c = it.next()?;
    if is_double(c) && double_role(c, None, it.next()) != Role::Close {
        Some(off)
    } else {
        None
    }
}

/// A stray double mark before a transcript speaker label (`"WALLACE: Let's start …`, as some
/// sites paste interview transcripts, one mark per turn and none closed): the mark's offset in
/// the paragraph. Such a mark opens no quotation, so that the turns are not read as one
/// multi-paragraph quote. Seen in PolNeAR dev and train transcripts.
fn transcript_label_mark(ptext: &str) -> Option<usize> {
    let t = ptext.trim_start_matches(is_space);
    let off = ptext.len() - t.len();
    let c = t.chars().next()?;
    if !is_double(c) {
        return None;
    }
    let rest = &t[c.len_utf8()..];
    let label_end = rest.find(':')?;
    let label = &rest[..label_end];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (2..=30).contains(&label.len())
        && letters >= 2
        && label.split(' ').count() <= 3
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
    (ok && !rest[..label_end + 1].contains(is_double)).then_some(off)
}

fn trim_content(text: &str, start: usize, end: usize) -> (usize, usize) {
    if start >= end {
        return (start, start);
    }
    let s = &text[start..end];
    let t = s.trim_start_matches(is_space);
    let st = start + (s.len() - t.len());
    let t2 = t.trim_end_matches(is_space);
    (st, st + t2.len())
}

/// Pairs the quote marks of every paragraph of the article.
pub fn pair_marks(article: &Article) -> Vec<MarkSpan> {
    let text = article.text.as_str();
    let paras = &article.paragraphs;
    let mut out = Vec::new();
    // An open double quote carried over from the previous paragraph: (open, start, first_para).
    let mut carried: Option<(usize, usize, usize)> = None;
    for (pi, p) in paras.iter().enumerate() {
        let ptext = &text[p.start..p.end];
        let mut open: Option<(usize, usize, usize, char)> = None;
        let mut skip_first_open = None;
        if let Some((o, s, fp)) = carried.take() {
            open = Some((o, s, fp, '“'));
            // The reopening mark belongs to the content.
            skip_first_open = opens_with_mark(ptext).map(|off| p.start + off);
        }
        let label_mark = transcript_label_mark(ptext).map(|off| p.start + off);
        if label_mark.is_some() {
            // A stray mark before a speaker label closes nothing and carries nothing.
            open = None;
            skip_first_open = None;
        }
        let mut spans_here: Vec<(usize, usize)> = Vec::new();
        let bytes = ptext.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Only these lead bytes can start a double mark: skip the rest without decoding.
            if !matches!(bytes[i], b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xEF) {
                i += 1;
                continue;
            }
            let c0 = ptext[i..].chars().next().unwrap_or(' ');
            let prev = ptext[..i].chars().next_back();
            let mut next = ptext[i + c0.len_utf8()..].chars().next();
            let abs = p.start + i;
            // ''…'' and ``…'' (older wire and archive styles) are double marks.
            let (c, w) = if (c0 == '\'' || c0 == '`') && next.is_some_and(|n| n == '\'' || n == '`')
            {
                next = ptext[i + 2..].chars().next();
                ('"', 2)
            } else {
                (c0, c0.len_utf8())
            };
            i += w;
            if Some(abs) == label_mark {
                continue;
            }
            if is_double(c) && Some(abs) != skip_first_open {
                let role = double_role(c, prev, next);
                match (open, role) {
                    (None, Role::Open | Role::Either) => {
                        open = Some((abs, abs + w, pi, c));
                    }
                    (None, Role::Close) => {}
                    (Some((o, s, fp, oc)), Role::Close | Role::Either) => {
                        // « pairs with », „ with “ or ”, » with «; anything else pairs freely.
                        let (cs, ce) = trim_content(text, s, abs);
                        if ce > cs {
                            out.push(MarkSpan {
                                open: o,
                                start: cs,
                                end: ce,
                                close: abs + w,
                                closed: true,
                                first_para: fp,
                                last_para: pi,
                                single: false,
                            });
                            spans_here.push((o, abs + w));
                        }
                        let _ = oc;
                        open = None;
                    }
                    (Some((o, s, fp, _)), Role::Open) => {
                        // A second opener while one is open: the first was stray (or a closer
                        // typed the wrong way round). If the text between ends a sentence
                        // and a space follows, close there; otherwise restart here.
                        let between = &text[s..abs];
                        let looks_closing = prev.is_some_and(|pc| !is_space(pc));
                        if looks_closing {
                            let (cs, ce) = trim_content(text, s, abs);
                            if ce > cs {
                                out.push(MarkSpan {
                                    open: o,
                                    start: cs,
                                    end: ce,
                                    close: abs + w,
                                    closed: true,
                                    first_para: fp,
                                    last_para: pi,
                                    single: false,
                                });
                                spans_here.push((o, abs + w));
                            }
                            open = None;
                        } else {
                            let _ = between;
                            open = Some((abs, abs + w, pi, c));
                        }
                    }
                }
            }
        }
        if let Some((o, s, fp, _)) = open {
            // Left open at the paragraph's end: continues if the next paragraph reopens.
            // The next paragraph must reopen with a mark of the same style (straight or
            // typographic): a stray straight mark before a curly-quoted paragraph is not the
            // start of a multi-paragraph quote.
            let straight = |c: char| c == '"' || c == '\'' || c == '`';
            let opener = text[o..].chars().next().unwrap_or('"');
            let next_reopens = paras.get(pi + 1).is_some_and(|np| {
                let nt = &text[np.start..np.end];
                opens_with_mark(nt).is_some_and(|off| {
                    let rc = nt[off..].chars().next().unwrap_or('"');
                    straight(rc) == straight(opener)
                })
            });
            // A missing closing mark before a tag ("“We won, Envoy Sara Holm said.") ends the
            // quote at the comma; it never continues into the next paragraph.
            let tag_comma = missing_close_before_tag(&text[s..p.end]).map(|c| s + c);
            if next_reopens && tag_comma.is_none() {
                carried = Some((o, s, fp));
            } else {
                let (cs, ce) = trim_content(text, s, tag_comma.unwrap_or(p.end));
                if ce > cs {
                    out.push(MarkSpan {
                        open: o,
                        start: cs,
                        end: ce,
                        close: p.end,
                        closed: false,
                        first_para: fp,
                        last_para: pi,
                        single: false,
                    });
                    spans_here.push((o, p.end));
                }
            }
        }
        // Top-level single marks, outside the double-quoted spans of this paragraph.
        pair_singles(text, p.start, p.end, pi, &spans_here, &mut out);
    }
    out.sort_by_key(|m| m.open);
    out
}

/// Where an unclosed quotation ends in a speech tag (", Envoy Sara Holm said." at the end of
/// the paragraph): the byte offset of that comma in `open_text`.
fn missing_close_before_tag(open_text: &str) -> Option<usize> {
    let t = open_text.trim_end();
    let body = t.strip_suffix('.')?;
    let comma = body.rfind(',')?;
    let words: Vec<&str> = body[comma + 1..].split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let is_cue = |w: &str| {
        let l = w.to_lowercase();
        super::lexicon::single_cue(&l).is_some()
    };
    let first_cap = words[0].chars().next().is_some_and(char::is_uppercase)
        || matches!(words[0], "he" | "she" | "the" | "a" | "an");
    let cue_at_edge = is_cue(words[words.len() - 1]) || is_cue(words[0]);
    ((first_cap || is_cue(words[0])) && cue_at_edge && words.len() >= 2).then_some(comma)
}

fn pair_singles(
    text: &str,
    pstart: usize,
    pend: usize,
    pi: usize,
    doubles: &[(usize, usize)],
    out: &mut Vec<MarkSpan>,
) {
    let ptext = &text[pstart..pend];
    if !ptext.contains(['\'', '‘', '’', '‹', '›', '‚']) {
        return;
    }
    let mut di = 0;
    let mut inside = |abs: usize| {
        while di < doubles.len() && doubles[di].1 <= abs {
            di += 1;
        }
        di < doubles.len() && abs >= doubles[di].0
    };
    let mut open: Option<(usize, usize)> = None;
    let bytes = ptext.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'\'' | 0xE2) {
            i += 1;
            continue;
        }
        let c = ptext[i..].chars().next().unwrap_or(' ');
        let prev = ptext[..i].chars().next_back();
        let next = ptext[i + c.len_utf8()..].chars().next();
        let abs = pstart + i;
        i += c.len_utf8();
        let ins = is_single(c) && inside(abs);
        if ins && open.is_some_and(|(o, _)| o < abs) {
            // A single mark inside a double quotation: an open single one before it was stray.
            open = None;
        }
        if is_single(c) && !ins {
            let after = &ptext[i..];
            if let Some(role) = single_role(c, prev, next, after) {
                match (open, role) {
                    (None, Role::Open | Role::Either) => open = Some((abs, abs + c.len_utf8())),
                    (Some((o, s)), Role::Close | Role::Either) => {
                        let (cs, ce) = trim_content(text, s, abs);
                        // A quotation has at least two words: 'n' and 's' are not quotes.
                        // One word of three letters or more between typographic marks is
                        // one (headlines: "Trump Was ‘Mocking’ Clinton Camp"); a straight
                        // ' is too often an apostrophe ('90s, rock 'n' roll).
                        let one_word = text[o..].starts_with('‘')
                            && c == '’'
                            && text[cs..ce].chars().count() >= 3
                            && text[cs..ce]
                                .chars()
                                .all(|ch| ch.is_alphabetic() || ch == '-');
                        if ce > cs
                            && (text[cs..ce].contains(is_space) || one_word)
                            && !text[s..abs].contains(is_double_char)
                        {
                            out.push(MarkSpan {
                                open: o,
                                start: cs,
                                end: ce,
                                close: abs + c.len_utf8(),
                                closed: true,
                                first_para: pi,
                                last_para: pi,
                                single: true,
                            });
                        }
                        open = None;
                    }
                    (Some(_), Role::Open) => open = Some((abs, abs + c.len_utf8())),
                    (None, Role::Close) => {}
                }
            }
        }
    }
}

fn is_double_char(c: char) -> bool {
    is_double(c)
}

/// Whether a character is a quote mark of any kind (for trimming edges of quote spans).
pub fn is_mark(c: char) -> bool {
    is_double(c) || is_single(c)
}

/// Whether a character is a space of any width.
pub fn is_any_space(c: char) -> bool {
    is_space(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Paragraph;

    fn art(text: &str) -> Article {
        let mut paragraphs = Vec::new();
        let mut off = 0;
        for part in text.split("\n\n") {
            paragraphs.push(Paragraph {
                start: off,
                end: off + part.len(),
            });
            off += part.len() + 2;
        }
        Article {
            text: text.to_string(),
            paragraphs,
            ..Default::default()
        }
    }

    fn contents(text: &str) -> Vec<String> {
        let a = art(text);
        pair_marks(&a)
            .iter()
            .map(|m| a.text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            contents("\"We won,\" he said. “We lost,” she said."),
            vec!["We won,", "We lost,"]
        );
    }

    #[test]
    fn curly_open_straight_close() {
        assert_eq!(
            contents("She said she “wasn‘t worried” and. “We’ve had days off and everybody’s healthy,\" Dana said. The players’ union did not comment."),
            vec!["wasn‘t worried", "We’ve had days off and everybody’s healthy,"]
        );
    }

    #[test]
    fn german_and_french() {
        assert_eq!(
            contents("„Wir brauchen Züge“, sagte er. Dann: »Die Fahrgäste warten.« Gut.\n\n« Nous rouvrirons la ligne », a déclaré Hélène."),
            vec!["Wir brauchen Züge", "Die Fahrgäste warten.", "Nous rouvrirons la ligne"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(
            contents("The ’90s saw rock ’n’ roll at Kim’s club, and the players’ union.")
                .is_empty()
        );
        assert!(contents("The '90s saw rock 'n' roll at Kim's club.").is_empty());
    }

    #[test]
    fn single_quotes_at_top_level() {
        assert_eq!(
            contents("Lune: 'We will not back down' on taxes"),
            vec!["We will not back down"]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        assert_eq!(
            contents("''We won,'' he said. ``Fine,'' she said. It's Kim's."),
            vec!["We won,", "Fine,"]
        );
    }

    #[test]
    fn multi_paragraph() {
        let t = "Okafor said. “The crews found less.\n\n“The lanes will open.\n\n“The ramp needs work.”\n\nPetrov said \"fine\" today.";
        let a = art(t);
        let m = pair_marks(&a);
        assert_eq!(m.len(), 2);
        assert_eq!(
            &a.text[m[0].start..m[0].end],
            "The crews found less.\n\n“The lanes will open.\n\n“The ramp needs work."
        );
        assert_eq!((m[0].first_para, m[0].last_para), (0, 2));
    }

    #[test]
    fn stray_mark_is_bounded_by_its_paragraph() {
        let t = "He said “this never closes.\n\nNext paragraph has “a quote” here.";
        let a = art(t);
        let m = pair_marks(&a);
        assert_eq!(m.len(), 2);
        assert!(!m[0].closed);
        assert_eq!(&a.text[m[0].start..m[0].end], "this never closes.");
        assert_eq!(&a.text[m[1].start..m[1].end], "a quote");
    }
}
