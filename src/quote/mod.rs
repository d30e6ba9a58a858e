//! Finding quotes and their speakers: one [`Article`] in, `Vec<Quote>` out. Pure functions, no I/O.
//!
//! The steps, one module each:
//! - [`marks`]: pair the quote marks of each paragraph (and across paragraphs for the
//!   multi-paragraph pattern);
//! - [`tokens`]: words, punctuation and whole quotations as tokens; sentences over them;
//! - [`speakers`]: the people and organisations the article introduces, and coreference;
//! - [`frames`]: inside one sentence, where the speech tag stands relative to the content
//!   (direct, mixed and reported speech);
//! - [`lexicon`]: the word lists the rules read.
//!
//! Everything is a linear scan over the paragraphs, with no regular expressions.

use crate::article::Article;
use serde::Serialize;

pub mod frames;
pub mod lexicon;
pub mod marks;
pub mod speakers;
pub mod tokens;

use speakers::{Np, Registry, Resolved};
use tokens::{Kind, Tok};

/// How much of a quote is in quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// All of the content is in quote marks.
    Direct,
    /// A paraphrase with some words in quote marks.
    Mixed,
    /// Reported speech without quote marks.
    Indirect,
}

impl QuoteKind {
    /// The lower-case name used in the index, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The words an attribution rests on ("Putin", "he", "the Russian leader") and their byte span in
/// [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One quotation with its attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Exactly `article.text[start..end]`: the content without its enclosing quote marks.
    pub text: String,
    pub kind: QuoteKind,
    /// Byte offset of the content in [`Article::text`].
    pub start: usize,
    /// Byte offset one past the content in [`Article::text`].
    pub end: usize,
    /// Canonical full name without titles ("Kim Jong-un"), an organisation ("Kremlin"), or `None`
    /// when the article never names the source.
    pub speaker: Option<String>,
    /// Other names the article used for the speaker ("Putin", "Vladimir Vladimirovich Putin"),
    /// without pronouns or role nouns; may be empty.
    #[serde(skip)]
    pub speaker_aliases: Vec<String>,
    pub mention: Option<Mention>,
    /// The verb or phrase of speech: "said", "pointed out", "according to", ":" for a colon headline.
    pub cue: Option<String>,
}

impl Quote {
    /// A quote of `content` (byte span of `text`) resting on the `mention` words (byte span),
    /// with the resolved speaker and the cue; no aliases.
    fn attributed(
        text: &str,
        kind: QuoteKind,
        content: (usize, usize),
        mention: (usize, usize),
        speaker: Option<String>,
        cue: &str,
    ) -> Quote {
        Quote {
            text: text[content.0..content.1].to_string(),
            kind,
            start: content.0,
            end: content.1,
            speaker,
            speaker_aliases: Vec::new(),
            mention: Some(Mention {
                text: text[mention.0..mention.1].to_string(),
                start: mention.0,
                end: mention.1,
            }),
            cue: Some(cue.to_string()),
        }
    }
}

/// The speaker of the latest attribution, inherited by floating quotes.
#[derive(Debug, Clone)]
struct Context {
    resolved: Resolved,
    mention: Option<Mention>,
    cue: Option<String>,
    /// Paragraph of the latest attributed quote.
    para: usize,
    /// Set by "X said:" closing a paragraph: the next quotation takes this cue.
    pending: bool,
    /// Index of the sentence of the latest attribution.
    sent: usize,
    /// Whether that attribution's speaker phrase was a pronoun.
    by_pronoun: bool,
}

/// Choices of [`extract_quotes_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Merge a run of quotes by one speaker inside one paragraph (`"A," he said. "B. C."`, or
    /// `"A," he said, "b."`) into one quote whose span runs from the first content to the last,
    /// tag included. This is how PolNeAR annotates such runs (one attribution, several content
    /// spans); the speakers gold, the cases and the seed count them as separate quotes, which
    /// is the default.
    pub merge_quote_runs: bool,
}

/// Finds every quote in the article's paragraphs and attributes it to a speaker.
///
/// Quotes come out in text order; `quote.text == article.text[quote.start..quote.end]` always.
pub fn extract_quotes(article: &Article) -> Vec<Quote> {
    extract_quotes_with(article, &ExtractOptions::default())
}

/// [`extract_quotes`] with options.
pub fn extract_quotes_with(article: &Article, options: &ExtractOptions) -> Vec<Quote> {
    let text = article.text.as_str();
    let paras = &article.paragraphs;
    if paras.is_empty() {
        return Vec::new();
    }
    let spans = marks::pair_marks(article);
    let para_of = |pos: usize| paras.partition_point(|p| p.start <= pos).saturating_sub(1);
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut cursor = 0;
    for p in paras {
        let from = p.start.max(cursor);
        if from < p.end {
            cursor = tokens::tokenize(text, from, p.end, &spans, 0, &para_of, &mut toks);
        }
    }
    let sents = tokens::sentences(text, &toks, &spans);
    let mut reg = Registry::build(text, &toks, &sents);
    let mut out: Vec<(Quote, Option<usize>)> = Vec::new();
    let mut ctx: Option<Context> = None;
    let mut skip_para: Option<usize> = None;
    for (si, &(a, b)) in sents.iter().enumerate() {
        let para = toks[a].para;
        if skip_para == Some(para) {
            continue;
        }
        let last_para = match toks[b - 1].kind {
            Kind::Quote(q) => spans[q].last_para,
            _ => toks[b - 1].para,
        };
        let para_start = a == 0 || toks[a - 1].para != para;
        if para_start {
            if let Some(q) = signature_line(text, &toks, &spans, &mut reg, a) {
                out.push(q);
                skip_para = Some(last_para);
                continue;
            }
            if let Some(q) = transcript_turn(text, &toks, &spans, &mut reg, a) {
                out.push(q);
                skip_para = Some(para);
                continue;
            }
        }
        let whole_para = para_start && (b == toks.len() || toks[b].para != last_para);
        if whole_para {
            if let Some(((ns, ne), (cs, ce))) = frames::colon_headline(&toks, a, b) {
                if let Some(q) = headline(text, &toks, &spans, &mut reg, (ns, ne), (cs, ce)) {
                    out.push(q);
                    continue;
                }
            }
        }
        let claims = frames::sentence_claims(text, &toks, &spans, a, b);
        if claims.iter().all(|c| c.floating) {
            note_subject(text, &toks, a, b, &mut reg);
        } else {
            // "North Korea has slammed …, but it said …": the sentence's own subject is what a
            // later "it" in it refers to.
            note_org_subject(text, &toks, a, b, &mut reg);
        }
        for c in claims {
            if c.floating {
                let Some(cx) = ctx.as_mut() else { continue };
                if !(cx.para == para || cx.para + 1 == para) {
                    continue;
                }
                let cue = if cx.pending { cx.cue.clone() } else { None };
                cx.pending = false;
                cx.para = last_para;
                out.push((
                    Quote {
                        text: text[c.start..c.end].to_string(),
                        kind: c.kind,
                        start: c.start,
                        end: c.end,
                        speaker: cx.resolved.speaker.clone(),
                        speaker_aliases: Vec::new(),
                        mention: cx.mention.clone(),
                        cue,
                    },
                    cx.resolved.entity,
                ));
                continue;
            }
            let Some((ns, ne)) = c.np else { continue };
            let ((ms, me), (ns, ne)) = refine_np(text, &toks, (ns, ne), c.cue, b);
            let np_toks = &toks[ns..ne];
            let mention = Mention {
                text: text[toks[ms].start..toks[me - 1].end].to_string(),
                start: toks[ms].start,
                end: toks[me - 1].end,
            };
            // "…, he added": a continuation cue with a pronoun goes on with the previous
            // attribution's speaker (in the same or the previous paragraph) when the pronoun
            // agrees with them, even if the quote names someone else in between (BBC
            // politics/415: "The MP … said Prime Minister Tony Blair had been …. But Mr Blair
            // had been "hurt" …, he added" is the MP's).
            let cue_word = c.cue.map(|(s, e)| text[s..e].to_ascii_lowercase());
            let continuation = cue_word.as_deref().is_some_and(|w| {
                matches!(w, "added" | "adds" | "continued" | "continues" | "went on")
            });
            let np = speakers::analyze(text, np_toks);
            let carried = match (&np, &ctx) {
                // Only right after a named or described speaker's attribution: a sentence in
                // between may bring in the person meant ("Azmat Begg thanked …. He added: …").
                (Some(Np::Pronoun { word, gender }), Some(cx))
                    if continuation
                        && matches!(word.as_str(), "he" | "she")
                        && !cx.by_pronoun
                        && (cx.sent == si || cx.sent + 1 == si) =>
                {
                    cx.resolved
                        .entity
                        .and_then(|id| reg.continue_with(id, *gender, mention.start))
                }
                _ => None,
            };
            let np_is_pronoun = matches!(np, Some(Np::Pronoun { .. }));
            let resolved = match np {
                _ if carried.is_some() => carried.unwrap_or_default(),
                Some(np) => {
                    let r = reg.resolve(&np, mention.start);
                    if let (Some(id), Some(g)) = (r.entity, c.gender_hint) {
                        reg.hint_gender(id, g);
                    }
                    // "Clara Voss said that she …": the content's opening pronoun tells the gender.
                    if let (Some(id), Np::Name { .. }) = (r.entity, &np) {
                        if c.kind == QuoteKind::Indirect {
                            let first =
                                text[c.start..c.end].split_whitespace().next().unwrap_or("");
                            match first {
                                "he" => reg.hint_gender(id, speakers::Gender::Male),
                                "she" => reg.hint_gender(id, speakers::Gender::Female),
                                _ => {}
                            }
                        }
                    }
                    r
                }
                None => Resolved::default(),
            };
            if let (Some(id), Some((_, ce))) = (resolved.entity, c.cue) {
                // "the ministry said in a statement": a later "the statement" is the ministry's.
                let after = text[ce..].trim_start();
                if ["in a statement", "in its statement", "in a joint statement"]
                    .iter()
                    .any(|p| after.starts_with(p))
                {
                    reg.note_document(ce, id);
                }
            }
            let cue = c.cue.map(|(s, e)| text[s..e].to_string());
            ctx = Some(Context {
                resolved: resolved.clone(),
                mention: Some(mention.clone()),
                cue: cue.clone(),
                para: last_para,
                pending: c.pending,
                sent: si,
                by_pronoun: np_is_pronoun,
            });
            if c.pending {
                continue;
            }
            out.push((
                Quote {
                    text: text[c.start..c.end].to_string(),
                    kind: c.kind,
                    start: c.start,
                    end: c.end,
                    speaker: resolved.speaker,
                    speaker_aliases: Vec::new(),
                    mention: Some(mention),
                    cue,
                },
                resolved.entity,
            ));
        }
    }
    out.sort_by_key(|(q, _)| (q.start, q.end));
    out.dedup_by(|x, y| x.0.start == y.0.start && x.0.end == y.0.end);
    if options.merge_quote_runs {
        out = merge_runs(text, out, &para_of);
    }
    out.into_iter()
        .map(|(mut q, id)| {
            if let (Some(id), Some(sp)) = (id, q.speaker.as_ref()) {
                if let Some(e) = reg.entities.get(id) {
                    q.speaker_aliases = aliases(e, sp);
                }
            }
            q
        })
        .collect()
}

/// Merges each continuation quote (direct, no cue, same speaker and mention as the quote before
/// it, same paragraph) into the quote before it.
fn merge_runs(
    text: &str,
    out: Vec<(Quote, Option<usize>)>,
    para_of: &dyn Fn(usize) -> usize,
) -> Vec<(Quote, Option<usize>)> {
    let mut merged: Vec<(Quote, Option<usize>)> = Vec::with_capacity(out.len());
    for (q, id) in out {
        if let Some((p, _)) = merged.last_mut() {
            let continuation = q.kind == QuoteKind::Direct
                && q.cue.is_none()
                && p.kind != QuoteKind::Indirect
                && p.speaker == q.speaker
                && p.mention == q.mention
                && para_of(p.end) == para_of(q.start)
                && q.start > p.end;
            if continuation {
                p.end = q.end;
                p.text = text[p.start..p.end].to_string();
                continue;
            }
        }
        merged.push((q, id));
    }
    merged
}

/// The other name forms of an entity: every form seen, and its surname alone.
fn aliases(e: &speakers::Entity, canonical: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &e.aliases {
        if a != canonical && !out.contains(a) {
            out.push(a.clone());
        }
    }
    if !e.org {
        if let Some(last) = canonical.split_whitespace().last() {
            if last != canonical && !out.iter().any(|a| a == last) {
                out.push(last.to_string());
            }
        }
    }
    out
}

/// The speaker phrase a tag really names, and the words the mention covers, as token ranges
/// `((mention start, end), (phrase start, end))`, where the phrase the tag parser found is only
/// part of it:
/// - "KCNA quoted Kim as saying", "Reuters cited the Amaq website": the quoted source is the
///   speaker, the medium only relays (speakers guidelines, media layers);
/// - "The head of the Labour group, Edwin Morrow, said": the appositive name after a role noun;
/// - "Morrow and other senior officials said": the named person of a group;
/// - "a statement issued by the White House": the document's issuer.
///
/// Patterns checked on the speakers dev set; each has a test in tests/quote_speakers.rs.
/// The start of "DET [mods] ROLE for/of PLACE (and PLACE)" ending at token `ne`, when
/// the words between are capitalised place words joined by "and", "&" or commas, and the
/// phrase analyses as a role noun (see `speakers::analyze`). BBC politics/415: "The MP for
/// Sittingbourne and Sheppey said" gave the speaker "Sheppey".
fn place_role_start(text: &str, toks: &[Tok], ns: usize, ne: usize) -> Option<usize> {
    let mut j = ns;
    while j > 0
        && ns - j < 8
        && (toks[j - 1].is_word() && toks[j - 1].cap
            || matches!(&*toks[j - 1].lower, "and" | "&")
            || toks[j - 1].is_punct(','))
    {
        j -= 1;
    }
    if j == ns || j < 3 || !matches!(&*toks[j - 1].lower, "for" | "of") {
        return None;
    }
    let mut s = j - 2;
    while s > 0 && j - s < 5 && toks[s].is_word() && !toks[s].has(lexicon::class::DET) {
        s -= 1;
    }
    if !toks[s].has(lexicon::class::DET) || toks[s].has(lexicon::class::INDEF) {
        return None;
    }
    matches!(
        speakers::analyze(text, &toks[s..ne]),
        Some(speakers::Np::Role { .. })
    )
    .then_some(s)
}

fn refine_np(
    text: &str,
    toks: &[Tok],
    (ns, ne): (usize, usize),
    cue: Option<(usize, usize)>,
    b: usize,
) -> ((usize, usize), (usize, usize)) {
    // "The MP for Eastwick and Harrowmere said": the clause subject came back as the last
    // place name after "and"; the speaker phrase is the role noun before "for".
    let (ns, ne) = place_role_start(text, toks, ns, ne).map_or((ns, ne), |s| (s, ne));
    let keep = ((ns, ne), (ns, ne));
    let np = speakers::analyze(text, &toks[ns..ne]);
    let cap_word = |t: &Tok| t.is_word() && t.cap && !t.has(lexicon::class::STOP);
    // Relaying cue: the object is the speaker.
    if let Some((cs, ce)) = cue {
        let ci = toks.partition_point(|t| t.start < cs);
        let cw = toks.get(ci).map(|t| &*t.lower);
        if ci >= ne
            && text[cs..ce].split_whitespace().count() == 1
            && matches!(cw, Some("quoted" | "cited"))
        {
            let os = ci + 1;
            let mut oe = os;
            while oe < b && toks[oe].is_word() && toks[oe].lower != "as" {
                oe += 1;
            }
            let obj = &toks[os..oe];
            if !obj.is_empty() && obj.iter().any(cap_word) {
                if let Some(speakers::Np::Name { .. } | speakers::Np::Role { .. }) =
                    speakers::analyze(text, obj)
                {
                    return ((os, oe), (os, oe));
                }
            }
        }
    }
    // "a statement issued by the White House (early Saturday)".
    if !matches!(np, Some(speakers::Np::Name { .. })) {
        for j in ns..(ns + 3).min(ne) {
            if let Some(r) = speakers::document_author_in(toks, ne, j) {
                return ((ns, ne), r);
            }
        }
    }
    match np {
        Some(speakers::Np::Role { .. }) => {
            // "The head of the Labour group, Edwin Morrow, said".
            let mut k = ne;
            if k < b && toks[k].lower == "of" {
                k += 1;
                while k < b && k < ne + 9 && toks[k].is_word() {
                    k += 1;
                }
            }
            if k + 1 < b && toks[k].is_punct(',') && cap_word(&toks[k + 1]) {
                let s = k + 1;
                let mut e = s;
                while e < b
                    && toks[e].is_word()
                    && (toks[e].cap || toks[e].has(lexicon::class::PARTICLE))
                {
                    e += 1;
                }
                let closed = e < b && toks[e].is_punct(',')
                    || cue.is_some_and(|(cs, _)| e < b && toks[e].start == cs);
                if e - s >= 2 && closed {
                    if let Some(speakers::Np::Name { org: false, .. }) =
                        speakers::analyze(text, &toks[s..e])
                    {
                        return ((ns, e), (s, e));
                    }
                }
            }
            // "Morrow and other senior officials said".
            if toks[ns..ne].iter().any(|t| t.lower == "other")
                && ns >= 2
                && toks[ns - 1].lower == "and"
                && cap_word(&toks[ns - 2])
            {
                let e = ns - 1;
                let mut s = e;
                while s > 0
                    && toks[s - 1].is_word()
                    && (toks[s - 1].cap || toks[s - 1].has(lexicon::class::PARTICLE))
                {
                    s -= 1;
                }
                if let Some(speakers::Np::Name { .. }) = speakers::analyze(text, &toks[s..e]) {
                    return ((s, ne), (s, e));
                }
            }
            keep
        }
        _ => keep,
    }
}

/// Records an organisation or state at the start of a sentence as the latest subject, for "it".
fn note_org_subject(text: &str, toks: &[Tok], a: usize, b: usize, reg: &mut Registry) {
    let mut e = a;
    if e < b && toks[e].lower == "the" {
        e += 1;
    }
    let s = e;
    while e < b && e < s + 6 && toks[e].is_word() && toks[e].cap && !toks[e].is_possessive() {
        e += 1;
    }
    // The name must be followed by a verb, not be part of a longer noun phrase.
    if e == s || e >= b || !toks[e].is_word() || toks[e].cap || toks[s].has(lexicon::class::STOP) {
        return;
    }
    reg.note_org_subject(text, &toks[s..e], toks[s].start);
}

/// Records the sentence's subject (a name at its start) for pronoun resolution.
fn note_subject(text: &str, toks: &[Tok], a: usize, b: usize, reg: &mut Registry) {
    let mut e = a;
    while e < b
        && e < a + 6
        && toks[e].is_word()
        && (toks[e].cap || toks[e].has(lexicon::class::PARTICLE) && e > a)
    {
        e += 1;
    }
    if e > a && !toks[a].has(lexicon::class::STOP) {
        reg.note_subject(text, &toks[a..e], toks[a].start);
    }
}

/// A signed quotation: a paragraph that is one quotation followed by a dash and the name of
/// its author, as in readers' responses, pull quotes and embedded tweets
/// (`"…" ― Ana Ruiz`, `"…" — Jo Park (@jopark) May 2, 2024`). The speaker is the name after
/// the dash; the cue is the dash. Checked on PolNeAR dev (one article of 22 signed reader
/// responses) and the tweet embeds of the speakers gold; PolNeAR train has none.
fn signature_line(
    text: &str,
    toks: &[Tok],
    spans: &[marks::MarkSpan],
    reg: &mut Registry,
    a: usize,
) -> Option<(Quote, Option<usize>)> {
    let Kind::Quote(q) = toks[a].kind else {
        return None;
    };
    let para = spans[q].last_para;
    let in_para = |k: usize| k < toks.len() && toks[k].para == para;
    let mut k = a + 1;
    while in_para(k) && (toks[k].is_punct('.') || toks[k].is_punct(',')) {
        k += 1;
    }
    // The dash: one long dash, or two hyphens.
    let ds = k;
    if in_para(k) && matches!(toks[k].kind, Kind::Punct('―' | '—' | '–')) {
        k += 1;
    } else if in_para(k + 1) && toks[k].is_punct('-') && toks[k + 1].is_punct('-') {
        k += 2;
    } else {
        return None;
    }
    let de = k;
    let ns = k;
    while in_para(k)
        && k < ns + 6
        && toks[k].is_word()
        && (toks[k].cap || toks[k].has(lexicon::class::PARTICLE))
    {
        k += 1;
    }
    let ne = k;
    if ne == ns || !toks[ne - 1].cap {
        return None;
    }
    // After the name: an optional "(@handle)", a date and a final period; nothing else.
    if in_para(k) && toks[k].is_punct('(') {
        if !(in_para(k + 1) && toks[k + 1].is_punct('@')) {
            return None;
        }
        while in_para(k) && !toks[k].is_punct(')') {
            k += 1;
        }
        k += 1;
        let rest = (k..toks.len()).take_while(|&m| in_para(m)).count();
        if rest > 6 || (k..k + rest).any(|m| toks[m].is_quote()) {
            return None;
        }
    } else if in_para(k) {
        // Only a final period may follow the name.
        let final_period = toks[k].is_punct('.') && !in_para(k + 1);
        if !final_period {
            return None;
        }
    }
    let np = speakers::analyze(text, &toks[ns..ne])?;
    if !matches!(np, Np::Name { .. }) {
        return None;
    }
    let sp = spans[q];
    let start = sp.start;
    let end = start + text[start..sp.end].trim_end_matches([',', ' ']).len();
    if end <= start {
        return None;
    }
    let (ms, me) = (toks[ns].start, toks[ne - 1].end);
    let r = reg.resolve(&np, ms);
    let cue = &text[toks[ds].start..toks[de - 1].end];
    Some((
        Quote::attributed(
            text,
            QuoteKind::Direct,
            (start, end),
            (ms, me),
            r.speaker,
            cue,
        ),
        r.entity,
    ))
}

/// A turn of an interview transcript: a paragraph opening with a speaker's name in capitals and
/// a colon ("PENCE: Well, look, …"). The whole paragraph is the speaker's; the name resolves like
/// a surname. Checked on the interview transcripts of PolNeAR train.
fn transcript_turn(
    text: &str,
    toks: &[Tok],
    spans: &[marks::MarkSpan],
    reg: &mut Registry,
    a: usize,
) -> Option<(Quote, Option<usize>)> {
    let para = toks[a].para;
    // A stray mark before the label (see `marks::transcript_label_mark`).
    let a = if matches!(toks[a].kind, Kind::Punct('"' | '“' | '”')) && a + 1 < toks.len() {
        a + 1
    } else {
        a
    };
    let mut k = a;
    while k < toks.len() && k < a + 3 && toks[k].is_word() && toks[k].para == para {
        let w = &text[toks[k].start..toks[k].end];
        if w.chars().count() < 2 || !w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
            return None;
        }
        k += 1;
    }
    if k == a || k >= toks.len() || !toks[k].is_punct(':') {
        return None;
    }
    let mut e = k + 1;
    while e < toks.len() && toks[e].para == para {
        e += 1;
    }
    let words = (k + 1..e).filter(|&i| toks[i].is_word()).count();
    if words < 3 {
        return None;
    }
    let mut np = speakers::analyze(text, &toks[a..k])?;
    // The label is in capitals, which the analyser reads as an acronym ("NATO"): a transcript
    // label is a person's surname, looked up in title case ("WALLACE" → "Wallace").
    if let Np::Name { name, org, .. } = &mut np {
        let lower = name.to_lowercase();
        if *org && lexicon::state_name(&lower).is_none() {
            *org = false;
            *name = name
                .split(' ')
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next().map_or(String::new(), |f| {
                        f.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    if !matches!(np, Np::Name { org: false, .. }) {
        return None;
    }
    let quotes = (k + 1..e).any(|i| toks[i].is_quote());
    let kind = if quotes {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    let start = match toks[k + 1].kind {
        Kind::Quote(q) => spans[q].start,
        _ => toks[k + 1].start,
    };
    let end = match toks[e - 1].kind {
        Kind::Quote(q) => spans[q].end,
        _ => toks[e - 1].end,
    };
    if end <= start {
        return None;
    }
    let ms = toks[a].start;
    let me = toks[k - 1].end;
    let r = reg.resolve(&np, ms);
    Some((
        Quote::attributed(text, kind, (start, end), (ms, me), r.speaker, ":"),
        r.entity,
    ))
}

/// A colon headline ("Kim: North Korea Backs Russian Special Op"): the left side must name a
/// person or organisation the article knows.
fn headline(
    text: &str,
    toks: &[Tok],
    spans: &[marks::MarkSpan],
    reg: &mut Registry,
    (ns, ne): (usize, usize),
    (cs, ce): (usize, usize),
) -> Option<(Quote, Option<usize>)> {
    let np = speakers::analyze(text, &toks[ns..ne])?;
    let known = match &np {
        Np::Name {
            name, keys, org, ..
        } => {
            lexicon::state_name(&name.to_lowercase()).is_some()
                || reg.entities.iter().any(|e| {
                    !e.org
                        && !*org
                        && keys.iter().all(|k| {
                            e.name.to_lowercase().split([' ', '-']).any(|w| w == k)
                                || e.name.to_lowercase().split(' ').any(|w| w == k)
                        })
                })
        }
        _ => false,
    };
    if !known {
        return None;
    }
    let (kind, s, e) = frames::headline_content(text, toks, spans, cs, ce)?;
    let start = toks[ns].start;
    let end = toks[ne - 1].end;
    let r = reg.resolve(&np, start);
    Some((
        Quote::attributed(text, kind, (s, e), (start, end), r.speaker, ":"),
        r.entity,
    ))
}
