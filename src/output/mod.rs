//! Rendering for people (text, colour only on a terminal) and for programs (JSON lines).

pub mod extraction;
pub mod hits;
