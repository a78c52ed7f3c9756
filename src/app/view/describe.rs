//! The picture in words (`#heatmap-description`), for a screen reader: the task, the epoch,
//! the losses, the accuracy of each class, where the network predicts each class (the plane
//! in 3 x 3 regions, as a table) and what changed since the last description. Written when
//! training pauses or stops and when asked (`#describe-map`), never at every frame.

use super::ctx::*;
use crate::engine::describe::{Region, REGIONS};

/// The regions' names, row by row from the top left.
const PLACES: [Text; REGIONS * REGIONS] = [
    Text::PlaceTopLeft,
    Text::PlaceTop,
    Text::PlaceTopRight,
    Text::PlaceLeft,
    Text::PlaceCentre,
    Text::PlaceRight,
    Text::PlaceBottomLeft,
    Text::PlaceBottom,
    Text::PlaceBottomRight,
];

/// Properties of [`MapDescription`].
#[derive(Properties, PartialEq)]
pub(super) struct DescribeProps {
    pub run: RunDoor,
    pub lang: Lang,
    pub playing: bool,
    /// The data set's name.
    pub data: &'static str,
}

/// A description, as written.
#[derive(Clone, Debug, PartialEq)]
struct Description {
    lines: Vec<String>,
    classes: usize,
    regions: Vec<Region>,
    changed: Option<String>,
}

/// A region's prediction in words: a class (orange and blue for two), or a value.
fn region_words(r: Region, k: usize, lang: Lang) -> String {
    match r {
        Region::Class(c) if k <= 2 => [Text::Orange, Text::Blue][c.min(1)].get(lang).to_string(),
        Region::Class(c) => format!("{} {c}", Text::Class.get(lang)),
        Region::Value(v) => format!("{v:.2}"),
    }
}

/// The run shown, in words; `before`: the last description, to say what changed.
fn describe(r: &RunView, data: &str, lang: Lang, before: Option<&Description>) -> Option<Description> {
    let t = r.trainer()?;
    let regions = t.regions()?;
    let k = t.config.data.classes.max(2);
    let task = match t.config.data.problem {
        Problem::Regression => Text::DescribeRegression.get(lang).replace("{data}", data),
        Problem::Classification => Text::DescribeTask.get(lang).replace("{data}", data).replace("{k}", &k.to_string()),
    };
    let mut lines = vec![task];
    if let Some(last) = t.last.as_ref() {
        let test = last.test.as_ref().unwrap_or(&last.train);
        lines.push(
            Text::DescribeRun
                .get(lang)
                .replace("{epoch}", &t.epoch.to_string())
                .replace("{test}", &format!("{:.3}", test.loss))
                .replace("{train}", &format!("{:.3}", last.train.loss)),
        );
        let n = (test.confusion.len() as f64).sqrt() as usize;
        let per_class: Vec<String> = (0..n)
            .filter_map(|c| {
                let row = &test.confusion[c * n..(c + 1) * n];
                let total: u32 = row.iter().sum();
                (total > 0).then(|| format!("{} {:.0} %", region_words(Region::Class(c), k, lang), 100.0 * row[c] as f64 / total as f64))
            })
            .collect();
        if !per_class.is_empty() {
            lines.push(Text::DescribeAccuracy.get(lang).replace("{list}", &per_class.join(", ")));
        }
    }
    let changed = before.map(|b| {
        let moved: Vec<String> = (0..regions.len())
            .filter(|&i| b.regions.get(i) != Some(&regions[i]))
            .map(|i| {
                format!(
                    "{}: {} → {}",
                    PLACES[i].get(lang),
                    b.regions.get(i).map_or(String::new(), |r| region_words(*r, k, lang)),
                    region_words(regions[i], k, lang)
                )
            })
            .collect();
        if moved.is_empty() {
            Text::DescribeUnchanged.get(lang).to_string()
        } else {
            Text::DescribeChanged.get(lang).replace("{list}", &moved.join("; "))
        }
    });
    Some(Description { lines, classes: k, regions, changed })
}

/// The description, written again when training pauses or stops and when asked.
#[function_component(MapDescription)]
pub(super) fn map_description(p: &DescribeProps) -> Html {
    let written = use_state(|| None::<Description>);
    let write = {
        let (run, written, lang, data) = (p.run.clone(), written.clone(), p.lang, p.data);
        move || {
            let next = run.read(|r| describe(r, data, lang, written.as_ref()));
            written.set(next);
        }
    };
    {
        let write = write.clone();
        use_effect_with((p.playing, p.lang), move |(playing, _)| {
            if !playing {
                write();
            }
            || ()
        });
    }
    let lang = p.lang;
    let k = written.as_ref().map_or(2, |d| d.classes);
    html! { <>
        <section id="heatmap-description" class="sr-only" aria-live="polite" aria-label={Text::DescribeTitle.get(lang)}>
            if let Some(d) = written.as_ref() {
                { for d.lines.iter().map(|l| html! { <p>{ l.clone() }</p> }) }
                <table id="heatmap-regions">
                    <caption>{ Text::DescribeWhere.get(lang) }</caption>
                    { for (0..REGIONS).map(|row| html! {
                        <tr>{ for (0..REGIONS).map(|col| {
                            let i = row * REGIONS + col;
                            html! { <td data-region={i.to_string()}>{ format!("{}: {}", PLACES[i].get(lang), region_words(d.regions[i], k, lang)) }</td> }
                        }) }</tr>
                    }) }
                </table>
                if let Some(changed) = &d.changed { <p id="heatmap-changed">{ changed.clone() }</p> }
            }
        </section>
        <button id="describe-map" class="tool" onclick={Callback::from(move |_: MouseEvent| write())}>{ Text::DescribeButton.get(lang) }</button>
    </> }
}
