//! The lesson panel: ready setups, output and loss, optimizer, early stopping, measures.

use super::choice::{choice, edit_with};
use super::confusion::Confusion;
use super::controls::{Checkbox, NumberField, Slider};
use super::ctx::*;
use super::threshold::PerceptronMistakes;
use crate::engine::limits::{INIT_SIGMA, LEAKY_SLOPE, MIN_DELTA, PATIENCE, PERCENT_VAL};

pub(super) fn lesson_text(l: Lesson) -> (Text, Text) {
    match l {
        Lesson::OrOneNeuron => (Text::LessonOr, Text::CaptionOr),
        Lesson::AndByHand => (Text::LessonAndByHand, Text::CaptionAndByHand),
        Lesson::XorOneNeuron => (Text::LessonXorOne, Text::CaptionXorOne),
        Lesson::XorHiddenLayer => (Text::LessonXorHidden, Text::CaptionXorHidden),
        Lesson::CrossEntropy => (Text::LessonCrossEntropy, Text::CaptionCrossEntropy),
        Lesson::EarlyStopping => (Text::LessonEarlyStopping, Text::CaptionEarlyStopping),
        Lesson::Dropout => (Text::LessonDropout, Text::CaptionDropout),
        Lesson::ThreeClasses => (Text::LessonThreeClasses, Text::CaptionThreeClasses),
        Lesson::Infrared => (Text::LessonInfrared, Text::CaptionInfrared),
        Lesson::FourSurfaces => (Text::LessonFourSurfaces, Text::CaptionFourSurfaces),
        Lesson::ExerciseXor => (Text::LessonExerciseXor, Text::CaptionExerciseXor),
        Lesson::ExerciseAndByHand => (Text::LessonExerciseAnd, Text::CaptionExerciseAnd),
        Lesson::ExerciseLearningRate => (Text::LessonExerciseRate, Text::CaptionExerciseRate),
        Lesson::ExerciseVegetationMap => (Text::LessonExerciseMap, Text::CaptionExerciseMap),
    }
}

pub(super) fn output_explanation(a: Activation) -> Text {
    match a {
        Activation::Linear => Text::ExplainLinear,
        Activation::Sigmoid => Text::ExplainSigmoid,
        Activation::Step => Text::ExplainStep,
        Activation::Softmax => Text::ExplainSoftmax,
        _ => Text::ExplainTanh,
    }
}

pub(super) fn loss_explanation(l: Loss) -> Text {
    match l {
        Loss::HalfMse => Text::ExplainHalfMse,
        Loss::Mse => Text::ExplainMse,
        Loss::Bce => Text::ExplainBce,
        Loss::SoftmaxCe => Text::ExplainSoftmaxCe,
    }
}

pub(super) fn lesson_panel(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let lang = s.lang;
    let d = ctx.dispatch.clone();
    let on_select = |f: fn(&str) -> Option<Action>| on_select(&d, f);
    let param = |id: &'static str, label: &'static str, value: Real, which: OptimizerParam| {
        let onchange = d.reform(move |v| Action::Edit(Edit::OptimizerParam(which, v)));
        html! { <NumberField {id} {label} limit={which.limit()} {value} {onchange} /> }
    };
    let full = c.training.batch_size >= FULL_BATCH;
    let classes = c.data.classes;
    html! {
        <section class="lesson-panel" aria-label={ctx.t(Text::Beyond)}>
            <h2>{ ctx.t(Text::Beyond) }</h2>
            <div class="lesson-grid">
                // An exercise's goal holds what it measures: these stay as it set them.
                <fieldset disabled={ctx.settings().exercise.goal.is_some()}>
                    <legend>{ ctx.t(Text::OutputActivation) }{ " · " }{ ctx.t(Text::LossFunction) }</legend>
                    if ctx.settings().exercise.goal.is_some() {
                        <p class="explain" id="yardstick-note">{ ctx.t(Text::YardstickHeld) }</p>
                    }
                    <label class="field"><span>{ ctx.t(Text::OutputActivation) }</span>
                        { choice("output".into(), ctx.t(Text::OutputActivation), "", &c.valid_outputs(), c.network.output, lang, edit_with(&d, Edit::Output)) }
                    </label>
                    <p class="explain">{ ctx.t(output_explanation(c.network.output)) }</p>
                    <label class="field"><span>{ ctx.t(Text::LossFunction) }</span>
                        { choice("loss".into(), ctx.t(Text::LossFunction), "", &valid_losses(c.network.output), c.training.loss, lang, edit_with(&d, Edit::Loss)) }
                    </label>
                    <p class="explain">{ ctx.t(loss_explanation(c.training.loss)) }</p>
                    if c.network.hidden.iter().any(|h| h.activation == Activation::LeakyRelu) {
                        <NumberField id="leakySlope" label={ctx.t(Text::LeakySlope)} limit={LEAKY_SLOPE} value={c.training.leaky_slope}
                            onchange={d.reform(|v| Action::Edit(Edit::LeakySlope(v)))} />
                    }
                    <label class="field"><span>{ ctx.t(Text::Classes) }</span>
                        // The digits' classes are the digits chosen in the data column.
                        <select id="classes" disabled={c.data.problem == Problem::Regression || c.data.dataset.is_vectors()}
                            onchange={on_select(|v| v.parse::<usize>().ok().map(|v| Action::Edit(Edit::Classes(v))))}>
                            { for (2..=4.max(classes)).filter(|&k| k <= 4 || k == classes).map(|k| html! { <option value={k.to_string()} selected={k == classes}>{ k }</option> }) }
                        </select>
                    </label>
                </fieldset>
                <fieldset>
                    <legend>{ ctx.t(Text::Optimizer) }</legend>
                    <label class="field"><span>{ ctx.t(Text::Optimizer) }</span>
                        { choice("optimizer".into(), ctx.t(Text::Optimizer), "", &Optimizer::ALL, c.training.optimizer, lang, edit_with(&d, Edit::Optimizer)) }
                    </label>
                    <div class="params">
                        if c.training.optimizer == Optimizer::Momentum { { param("momentum", "μ", c.training.momentum, OptimizerParam::Momentum) } }
                        if c.training.optimizer == Optimizer::Rmsprop { { param("rho", "ρ", c.training.rho, OptimizerParam::Rho) } }
                        if c.training.optimizer == Optimizer::Adam {
                            { param("beta1", "β₁", c.training.beta1, OptimizerParam::Beta1) }
                            { param("beta2", "β₂", c.training.beta2, OptimizerParam::Beta2) }
                        }
                    </div>
                    <div class="presets" role="group" aria-label={ctx.t(Text::BatchPresets)}>
                        <span class="label">{ ctx.t(Text::BatchPresets) }</span>
                        <button id="batch-stochastic" class={classes!("tool", (c.training.batch_size == 1).then_some("selected"))}
                            onclick={ctx.send(Action::Edit(Edit::BatchSize(1)))}>{ ctx.t(Text::Stochastic) }</button>
                        <button id="batch-mini" class={classes!("tool", (c.training.batch_size == 10).then_some("selected"))}
                            onclick={ctx.send(Action::Edit(Edit::BatchSize(10)))}>{ ctx.t(Text::MiniBatch) }</button>
                        <button id="batch-full" class={classes!("tool", full.then_some("selected"))}
                            onclick={ctx.send(Action::Edit(Edit::BatchSize(FULL_BATCH)))}>{ ctx.t(Text::FullBatch) }</button>
                    </div>
                    <Checkbox id="shuffle" label={ctx.t(Text::Shuffle)} checked={c.training.shuffle} onchange={d.reform(|v| Action::Edit(Edit::Shuffle(v)))} />
                    <label class="field"><span>{ ctx.t(Text::Initialisation) }</span>
                        { choice("init".into(), ctx.t(Text::Initialisation), "", &Init::ALL, c.network.init, lang, edit_with(&d, Edit::Init)) }
                    </label>
                    if c.network.init == Init::Normal {
                        <NumberField id="initSigma" label="σ" limit={INIT_SIGMA} value={c.network.init_sigma} onchange={d.reform(|v| Action::Edit(Edit::InitSigma(v)))} />
                    }
                </fieldset>
                <fieldset>
                    <legend>{ ctx.t(Text::EarlyStopping) }</legend>
                    <Slider id="percValData" label={ctx.t(Text::ValidationData)} limit={PERCENT_VAL} value={c.data.percent_val}
                        shown={format!("{}%", c.data.percent_val)} oninput={d.reform(|v| Action::Edit(Edit::PercentVal(v)))} />
                    <Checkbox id="earlyStopping" label={ctx.t(Text::EarlyStopping)} checked={c.training.early_stopping.enabled}
                        onchange={d.reform(|v| Action::Edit(Edit::EarlyStopping(v)))} />
                    <NumberField id="patience" label={ctx.t(Text::Patience)} limit={PATIENCE} value={c.training.early_stopping.patience as Real}
                        onchange={d.reform(|v: Real| Action::Edit(Edit::Patience(v.max(0.0).round() as u32)))} />
                    <NumberField id="minDelta" label={ctx.t(Text::MinDelta)} limit={MIN_DELTA} value={c.training.early_stopping.min_delta}
                        onchange={d.reform(|v| Action::Edit(Edit::MinDelta(v)))} />
                    <label class="field"><span>{ ctx.t(Text::Monitor) }</span>
                        <select id="monitor" onchange={on_select(|v| Some(Action::Edit(Edit::Monitor(if v == "train" { Monitor::Train } else { Monitor::Val }))))}>
                            <option value="val" selected={c.training.early_stopping.monitor == Monitor::Val}>{ ctx.t(Text::ValidationLoss) }</option>
                            <option value="train" selected={c.training.early_stopping.monitor == Monitor::Train}>{ ctx.t(Text::TrainingLoss) }</option>
                        </select>
                    </label>
                </fieldset>
                <fieldset class="measures">
                    <legend>{ ctx.t(Text::Measures) }</legend>
                    if c.is_perceptron() {
                        <p class="perceptron">{ ctx.t(Text::Mistakes) }{ ": " }<PerceptronMistakes run={ctx.run.clone()} lang={ctx.settings().lang} /></p>
                    }
                    if c.data.problem == Problem::Classification {
                        <p class="label">{ ctx.t(Text::ConfusionMatrix) }</p>
                        <Confusion run={ctx.run.clone()} lang={ctx.settings().lang} />
                    }
                    <p class="label">{ ctx.t(Text::GradientMagnitude) }</p>
                    <canvas id={ids::GRADIENT_CHART} width="260" height="90"></canvas>
                </fieldset>
            </div>
            <details class="glossary text" id="glossary">
                <summary>{ ctx.t(Text::Glossary) }</summary>
                <ul>
                    { for [Text::TermDataset, Text::TermNeuron, Text::TermLayer, Text::TermLoss, Text::TermGradient,
                        Text::TermBackprop, Text::TermEpoch, Text::TermOverfitting].iter().map(|t| html! { <li>{ ctx.t(*t) }</li> }) }
                </ul>
            </details>
        </section>
    }
}
