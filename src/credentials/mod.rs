//! The `cert` noun: the built-in credential catalog (`catalog.rs`),
//! eligibility from education, experience and held credentials
//! (`eligibility.rs`), tracking with CEU cycles (`tracking.rs`) and the
//! commands (`command.rs`). The rules are in `credentials.md`.

pub mod catalog;
mod command;
pub mod eligibility;
pub mod tracking;
mod write;

pub use catalog::{Confidence, Credential, CATALOG};
pub use command::{run, CertCommand};
pub use eligibility::{check, Check, Facts, Years};
pub use tracking::{eligible_codes, progress, CertStatus, Progress};
