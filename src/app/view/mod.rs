//! The Yew components of the playground: the app (app.rs), the context its parts share
//! (ctx.rs), and each column and panel in a file of its own.

mod app;
mod backprop;
mod board;
mod checkpoint;
mod choice;
mod compare;
mod confusion;
mod controls;
mod ctx;
mod curve;
mod dataset;
mod exercise;
mod export;
mod figures;
mod files;
mod form;
mod formula;
mod handin;
mod help;
mod hint;
mod inspector;
mod landscape;
mod lesson;
mod lessonbar;
mod link_io;
mod matrix;
mod network;
mod nodes;
mod output;
mod pages;
mod panel;
mod perform;
mod qr;
mod readouts;
mod scene;
mod shortcuts;
mod space;
mod sweep;
mod threshold;
mod timeline;
mod top;
mod worksheet;

pub use app::App;
pub use pages::{follow_link, load_pages_module, own_page_asked, TeacherPage};
