//! Credentials: the built-in catalog (`catalog.rs`), eligibility from
//! education, experience and held credentials (`eligibility.rs`), the
//! user's certifications with their CEU cycles (`tracking.rs`, which holds
//! their SQL), and the credentials a posting's text names (`detect.rs`).
//! The rules are in `credentials.md`.

pub mod catalog;
pub mod ceus;
pub mod detect;
pub mod eligibility;
pub mod tracking;

pub use catalog::{Confidence, Credential, CATALOG};
pub use eligibility::{check, Check, Facts, Years};
pub use tracking::{eligible_codes, progress, CertStatus, Progress};
