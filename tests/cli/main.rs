//! End-to-end tests: the real `jobtrack` binary on a temporary database with
//! today pinned. One test binary (autotests = false) so everything links once.

mod util;

mod applications;
mod credentials;
mod corrections;
mod demo;
mod documents;
mod files;
mod employers;
mod foundation;
mod hardening;
mod html;
mod layers;
mod network;
mod polish;
mod posting_credentials;
mod postings;
mod profile;
mod properties;
mod references;
mod reliability;
mod reports;
mod saved_pages;
mod screens;
mod search;
mod transfer;
mod typing;
mod undo;
mod upgrade;
mod volunteer;
