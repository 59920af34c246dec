//! End-to-end tests: the real `jobtrack` binary on a temporary database with
//! today pinned. One test binary (autotests = false) so everything links once.

mod util;

mod applications;
mod credentials;
mod demo;
mod employers;
mod foundation;
mod html;
mod layers;
mod network;
mod polish;
mod profile;
mod properties;
mod references;
mod reliability;
mod reports;
mod screens;
mod transfer;
mod typing;
mod upgrade;
mod volunteer;
