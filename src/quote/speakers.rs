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
    let words: Vec<&Tok> = toks.iter().filter(|t| !t.is_punct('-')).collect();
    let last = *words.last()?;
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
        let ok = is_name_token(t) && !(t.is_possessive() && k < n)
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
    let gender = gender_of(&toks[..k]);
    if k < n {
        let run = &toks[k..];
        let mut name = text[run[0].start..run[run.len() - 1].end].to_string();
        if run[run.len() - 1].is_possessive() {
            // "Vladimir Putin's visit": the name without the possessive ending.
            let cut = name.rfind(['\'', '’']).unwrap_or(name.len());
            name.truncate(cut);
        }
        let keys = keys_of(run);
        let lower_name = name.to_lowercase();
        let org = run.iter().any(|t| t.has(class::ORG))
            || lexicon::state_name(&lower_name).is_some()
            || (run.len() == 1
                && name.len() >= 2
                && name.chars().all(|c| c.is_uppercase() || c == '.'));
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
}

/// The entities of one article and the recency state of coreference.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    /// Entity ids in the order they were last a speaker or a sentence subject.
    recent: Vec<usize>,
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
        for &(a, b) in sents {
            // Title-case headlines ("Obama Says Museum Will Tell …") are not introductions.
            if super::tokens::is_title_case(&toks[a..b]) {
                continue;
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
                    // Appositives: "NAME, a paramedic," and "the council chair, NAME".
                    if i + 1 < b && toks[i].is_punct(',') {
                        roles.extend(appositive_roles(toks, i + 1, b));
                    }
                    if s >= 2 && toks[s - 1].is_punct(',') {
                        roles.extend(appositive_roles_left(toks, s - 1, a));
                    }
                    let sentence_initial_single = keys.len() == 1 && s == a && roles.is_empty();
                    if keys.len() >= 2 || !roles.is_empty() || org && !sentence_initial_single {
                        reg.add(name, keys, org, roles, gender, toks[s].start);
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
        reg
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

    /// Sets the gender of an entity when still unknown (from "Kim, for his part," or a
    /// content clause opening with "she").
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
                if intro.is_some() {
                    pick = intro;
                }
                if pick.is_none() {
                    // No speaker yet: the most recent titled person mentioned before.
                    pick = (0..self.entities.len())
                        .filter(|&i| {
                            let e = &self.entities[i];
                            compatible(e) && e.titled && e.mentions[0] <= pos
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
                    self.touch_at(r, pos);
                    return Resolved {
                        speaker: Some(self.entities[r].name.clone()),
                        entity: Some(r),
                    };
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
                        && name.split_whitespace().last().is_some_and(|w| {
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
                        });
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
                self.touch_at(id, pos);
                Resolved {
                    speaker: Some(self.entities[id].name.clone()),
                    entity: Some(id),
                }
            }
            Np::Role {
                head,
                mods,
                definite,
                unnamed,
            } => {
                if *unnamed || !*definite {
                    return Resolved::default();
                }
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
                    );
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
                                    || (leader && lexicon::flags(r) & class::HEAD_OF_STATE != 0)
                                    || (head == "minister" && r.ends_with("minister"))
                                    || (head == "chief" && r == "chief")
                            })
                        };
                        head_ok
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
                                lexicon::flags(m) & (class::MODIFIER | class::DET) != 0
                                    || e.roles.iter().any(|r| r == m)
                            })
                    })
                    .collect();
                match self.best(&cands, pos, None) {
                    Some(id) => {
                        self.touch_at(id, pos);
                        Resolved {
                            speaker: Some(self.entities[id].name.clone()),
                            entity: Some(id),
                        }
                    }
                    None => Resolved::default(),
                }
            }
        }
    }
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
        return out;
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
