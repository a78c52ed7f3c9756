//! TensorFlow Playground's own runs from its links: a link with its seed (`0.66230`) opens
//! its points (same values, order and split) and its initial weights, and training follows
//! its losses. The expected values were written down from TensorFlow Playground's own
//! sources (its dataset.ts and nn.ts with seedrandom 2.4.3, run in node in playground.ts's
//! order: generateData(true), reset(true), then oneStep()); their losses after 1, 10 and
//! 100 steps agree with what its published page shows to the 3 decimals it shows. The last
//! four links are as course notes and notebooks link to it.

use neurona::app::link;
use neurona::engine::{Real, Trainer};
use neurona::i18n::Lang;

struct Replay {
    link: &'static str,
    /// The first three training points: x, y, label.
    points: [[f64; 3]; 3],
    /// The first neuron's initial weights (of the first hidden layer, or the output).
    weights: &'static [f64],
    /// Training and test loss after 1, 10 and 100 steps.
    losses: [[f64; 2]; 3],
}

const REPLAYS: &[Replay] = &[
    Replay {
        link: "activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.66230&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=none",
        points: [[0.08058352882217504, -0.11005687526885607, 1.0], [-1.9090291419371261, -3.149785803127836, -1.0], [-3.1961906877616117, 3.693769916588492, -1.0]],
        weights: &[-0.06302082828554378, -0.3561795936859353],
        losses: [[0.5041944666960044, 0.504793497297841], [0.48867795694620786, 0.4915659150631947], [0.012449963411457283, 0.015257201917561736]],
    },
    Replay {
        link: "activation=relu&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4&seed=0.91390&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=none",
        points: [[0.8050743135183442, 4.012529436628049, 1.0], [3.4450192038325644, -4.285916531751022, -1.0], [-3.080951293067376, 0.8464266830816964, -1.0]],
        weights: &[0.44310286004952426, 0.1392038148083904],
        losses: [[0.3376592510474754, 0.38809882505193716], [0.2575608967909577, 0.31362746908532313], [0.21894988355477069, 0.2634191874109341]],
    },
    Replay {
        link: "activation=linear&batchSize=1&dataset=gauss&regDataset=reg-plane&learningRate=0.01&regularizationRate=0.001&noise=20&networkShape=&seed=0.12345&showTestData=false&discretize=false&percTrainData=70&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=L2",
        points: [[0.9721680022239858, 1.35373352152844, 1.0], [-0.9875055987927732, -1.4421029636716307, -1.0], [1.024261152511194, 1.2214050536761067, 1.0]],
        weights: &[-0.10193142785952403, -0.31404468253527273],
        losses: [[0.04010559677648779, 0.042453162387113205], [0.02849554978117239, 0.028188172667812345], [0.025204870259318432, 0.02543039283658223]],
    },
    Replay {
        link: "activation=tanh&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=8,8,8,8,8,8&seed=0.81263&showTestData=false&discretize=false&percTrainData=90&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=none",
        points: [[1.6678580575905848, 4.136405383872591, -1.0], [2.8253016795583763, 1.7435797714715033, 1.0], [0.5008203828007172, 0.20193797109841222, 1.0]],
        weights: &[-0.0271465467715431, 0.023942304390026203, -0.2954184332862318, -0.3489140185470031, 0.06940135256989177, 0.3283134320860862, 0.36954670904828646],
        losses: [[0.48829469440424617, 0.4846335084418979], [0.4117070473219905, 0.4008464302868476], [0.005592945290274793, 0.0004041620534485925]],
    },
    Replay {
        link: "activation=sigmoid&batchSize=5&dataset=circle&regDataset=reg-gauss&learningRate=0.1&regularizationRate=0&noise=10&networkShape=3&seed=0.33333&showTestData=false&discretize=false&percTrainData=50&x=true&y=false&xTimesY=false&xSquared=false&ySquared=false&cosX=true&sinX=true&cosY=true&sinY=false&collectStats=false&problem=regression&initZero=false&hideText=false&regularization=none",
        points: [[-2.548822145819396, -5.128141842017143, 0.0], [-4.242060152919012, -2.626451369528106, -0.6731244483204315], [2.113695958059317, 3.9884052104167917, 0.0]],
        weights: &[0.0013457098551409308, 0.47653393607075345, 0.39401180999629315, 0.17617003391478026],
        losses: [[0.04177509350228305, 0.04843514427511031], [0.04159947834069774, 0.048239935335578625], [0.041604045907379435, 0.048128273343177375]],
    },
    Replay {
        link: "activation=tanh&batchSize=10&dataset=gauss&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=&seed=0.19214&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false",
        points: [[1.4651763330803775, 1.6516591128180256, 1.0], [2.0769937262941354, 2.2491725652781236, 1.0], [-1.1281262119545428, -2.953871040610719, -1.0]],
        weights: &[0.47231649390673613, -0.3670316023252693],
        losses: [[0.030272889674614726, 0.03125928388260666], [0.0033279752418356855, 0.004414178105000516], [0.0003738516251515525, 0.000818203572530036]],
    },
    Replay {
        link: "activation=tanh&batchSize=30&dataset=spiral&regDataset=reg-plane&learningRate=0.3&regularizationRate=0&noise=0&networkShape=4,2&seed=0.51575&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false",
        points: [[-0.528074700100004, -0.18637894493287274, -1.0], [0.8173968649409077, -0.5406129532158616, 1.0], [0.3736028154249282, 1.4939949585947627, -1.0]],
        weights: &[-0.28690189343766265, -0.1458059215628184],
        losses: [[0.4810980336526858, 0.4755627540694167], [0.4754924367462268, 0.47733092582624725], [0.4557456933302243, 0.47749270383106074]],
    },
    Replay {
        link: "activation=relu&batchSize=1&dataset=gauss&regDataset=reg-plane&learningRate=0.00001&regularizationRate=0&noise=35&networkShape=&seed=0.17057&showTestData=false&discretize=true&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false",
        points: [[-1.4286800661339685, -4.397402556749741, -1.0], [1.991292999773807, 2.1378540216927173, 1.0], [1.2524373790819765, -3.7015788820320576, -1.0]],
        weights: &[0.19686974976737837, -0.033728505473068215],
        losses: [[0.3014223890852716, 0.2913339110940229], [0.25948246523585594, 0.24881390492432692], [0.1389668124290445, 0.12470242592695724]],
    },
    Replay {
        link: "activation=tanh&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=1&seed=0.60237&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false",
        points: [[-2.9502974068867185, -2.77754060049684, 1.0], [-2.283753122646474, -0.7175789384485445, 1.0], [3.7396190633099424, 2.7103445238133945, 1.0]],
        weights: &[0.4558078016090077, -0.27162174623522817],
        losses: [[0.48880627689893663, 0.5015992825159941], [0.4852818155332776, 0.5026126430803671], [0.38224530278717295, 0.42392066132176554]],
    },
];

fn close(ours: f64, theirs: f64, relative: f64) -> bool {
    (ours - theirs).abs() <= relative * theirs.abs().max(1e-3)
}

#[test]
fn a_playground_link_with_its_seed_opens_its_points_and_weights_and_trains_to_its_losses() {
    for r in REPLAYS {
        let (settings, repairs) = link::parse(r.link, Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        let mut t = Trainer::new(settings.config).expect("a run");
        let seed = r.link.split('&').find(|kv| kv.starts_with("seed=")).unwrap_or_default();
        for (p, q) in t.split.train.iter().zip(&r.points) {
            assert_eq!((p.x, p.y, p.label), (q[0] as Real, q[1] as Real, q[2] as Real), "{seed}: the same points in the same order");
        }
        let first = t.network.layers[0].row(0).to_vec();
        assert_eq!(first, r.weights.iter().map(|&w| w as Real).collect::<Vec<_>>(), "{seed}: the same initial weights");
        assert_eq!(t.network.layers[0].biases[0], 0.1);
        // Six tanh layers amplify the last bits of tanh (V8's against libm's) and of f32
        // against f64 until they show in the loss: such a run is compared for 10 steps.
        let deep = t.network.layers.len() > 3;
        for (step, expected) in [1, 10, 100].into_iter().zip(&r.losses).filter(|(s, _)| !deep || *s <= 10) {
            let mut report = None;
            while t.epoch < step {
                report = Some(t.step().expect("finite"));
            }
            let report = report.expect("trained");
            let (train, test) = (report.train.loss, report.test.expect("a test set").loss);
            // f32 here against f64 there: the same steps, rounded differently (in f64 they agree
            // to the last digits).
            assert!(close(train, expected[0], 1e-3) && close(test, expected[1], 1e-3), "{seed}, step {step}: {train}, {test} against {expected:?}");
        }
    }
}

#[test]
fn neuronas_own_seeds_and_links_keep_their_data() {
    let (own, _) = link::parse("seed=42&dataset=circle", Lang::En);
    assert_eq!(own.config.data.playground_seed, None);
    assert_eq!(Trainer::new(own.config.clone()).unwrap().split.train, Trainer::new(own.config).unwrap().split.train);
    // A playground seed is written back as it came, and a new seed (Regenerate) is Neurona's.
    let (tfp, _) = link::parse("seed=0.66230&dataset=circle", Lang::En);
    assert!(link::to_hash(&tfp).contains("seed=0.66230"));
    let mut c = tfp.config.clone();
    c.apply(neurona::engine::edit::Edit::Seed(7));
    assert_eq!(c.data.playground_seed, None);
}
