//! Native engine benchmark: prints microseconds per epoch, per computation of both losses,
//! per 100 x 100 grid, and epochs per second, at the default and largest setups.

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1000.0;
    println!("Neurona engine, native ({} build)", if cfg!(debug_assertions) { "debug" } else { "release" });
    for figures in neurona::bench::run(300, &now) {
        println!("{}", figures.line());
    }
}
