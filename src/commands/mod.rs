//! The commands of each noun, one module per CLI noun (as `jobtrack NOUN
//! …` spells it): its clap enum, the checks on what was typed, the calls
//! into the noun's store in one transaction, and what it prints. Combined
//! views (`org show`, `contact show`, `app show`) live here, since they read
//! several nouns. These modules never import each other.

pub mod app;
pub mod cert;
pub mod contact;
pub mod doc;
pub mod edu;
pub mod event;
pub mod goal;
pub mod org;
pub mod undo;
pub mod volunteer;
pub mod work;
