//! Reading a typed formula's text into its program, with `fasteval`: only the worker (and
//! native code) reads; the page runs programs it is sent.

use super::{runs, Formula, FormulaError, Op, MAX_LENGTH, MAX_OPS, MAX_VALUE, RANGE, STACK};

impl Formula {
    /// Reads a formula of x1 and x2. Names are read without regard to case, and X₁, X₂, ²,
    /// · and − as they are printed in the lesson. Functions: sin, cos, tan, tanh, abs, sign,
    /// floor, ceil, exp, ln, log (base 10, or `log(b, x)`), sqrt, min, max; constants pi, e;
    /// operators + - * / ^ and parentheses.
    pub fn parse(text: &str) -> Result<Formula, FormulaError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(FormulaError::Empty);
        }
        let length = text.chars().count();
        if length > MAX_LENGTH {
            return Err(FormulaError::TooLong(length));
        }
        let source = text.to_lowercase().replace('₁', "1").replace('₂', "2").replace('²', "^2").replace(['·', '×'], "*").replace('−', "-");
        let parser = fasteval::Parser { expr_len_limit: 4 * MAX_LENGTH, expr_depth_limit: STACK };
        let mut slab = fasteval::Slab::new();
        let parsed = parser.parse(&source, &mut slab.ps).map_err(|e| read_error(e, &source))?;
        use fasteval::Compiler;
        let top = parsed.from(&slab.ps).compile(&slab.ps, &mut slab.cs);
        let mut program = Vec::new();
        emit(&slab.cs, &top, &mut program, 0)?;
        // A part worked out as it was read (1/0, 2^1024, 1e400) that is no number.
        if program.iter().any(|op| matches!(op, Op::Const(c) if !c.is_finite())) {
            return Err(FormulaError::NotANumber);
        }
        if !runs(&program) {
            return Err(FormulaError::TooBig);
        }
        let mut formula = Formula { text: text.to_string(), program, divisor: 1.0 };
        // Checked over the plane, on a grid through its whole numbers.
        let mut largest = 0.0f64;
        for i in 0..=48 {
            for j in 0..=48 {
                let (x1, x2) = (-6.0 + i as f64 * 0.25, -6.0 + j as f64 * 0.25);
                let v = formula.run(x1, x2);
                if !v.is_finite() || v.abs() > MAX_VALUE {
                    return Err(FormulaError::Undefined(x1, x2));
                }
                largest = largest.max(v.abs());
            }
        }
        formula.divisor = (largest / RANGE).max(1.0);
        Ok(formula)
    }
}

/// The reader's complaint as the user is told it.
fn read_error(e: fasteval::Error, source: &str) -> FormulaError {
    use fasteval::Error as E;
    let near = |rest: &str| rest.chars().take(20).collect::<String>();
    match e {
        E::TooLong => FormulaError::TooLong(source.chars().count()),
        E::TooDeep => FormulaError::TooBig,
        E::UnparsedTokensRemaining(rest) => FormulaError::Syntax(near(&rest)),
        E::Undefined(name) => FormulaError::Unknown(name),
        E::EOF | E::EofWhileParsing(_) => FormulaError::Syntax(String::new()),
        _ => FormulaError::Syntax(near(source)),
    }
}

/// Writes an instruction's program after `out`.
fn emit(cs: &fasteval::slab::CompileSlab, i: &fasteval::Instruction, out: &mut Vec<Op>, depth: usize) -> Result<(), FormulaError> {
    use fasteval::compiler::IC;
    use fasteval::Instruction as I;
    if depth > 2 * STACK || out.len() > MAX_OPS {
        return Err(FormulaError::TooBig);
    }
    let sub = |index: &fasteval::compiler::InstructionI, out: &mut Vec<Op>| emit(cs, cs.get_instr(*index), out, depth + 1);
    let either = |ic: &IC, out: &mut Vec<Op>| match ic {
        IC::C(c) => {
            out.push(Op::Const(*c));
            Ok(())
        }
        IC::I(index) => emit(cs, cs.get_instr(*index), out, depth + 1),
    };
    let (op, took) = match i {
        I::IConst(c) => (Op::Const(*c), Ok(())),
        I::IVar(name) => match name.as_str() {
            "x1" => (Op::X1, Ok(())),
            "x2" => (Op::X2, Ok(())),
            "pi" => (Op::Const(std::f64::consts::PI), Ok(())),
            "e" => (Op::Const(std::f64::consts::E), Ok(())),
            _ => return Err(FormulaError::Unknown(name.clone())),
        },
        I::IFunc { name, args } => {
            let op = match (name.as_str(), args.len()) {
                ("sqrt", 1) => Op::Sqrt,
                ("exp", 1) => Op::Exp,
                ("ln", 1) => Op::Ln,
                _ => return Err(FormulaError::Unknown(name.clone())),
            };
            (op, either(&args[0], out))
        }
        I::INeg(a) => (Op::Neg, sub(a, out)),
        I::IInv(a) => (Op::Inv, sub(a, out)),
        I::IAdd(a, b) => (Op::Add, sub(a, out).and_then(|_| either(b, out))),
        I::IMul(a, b) => (Op::Mul, sub(a, out).and_then(|_| either(b, out))),
        I::IExp { base, power } => (Op::Pow, either(base, out).and_then(|_| either(power, out))),
        I::IFuncMin(a, b) => (Op::Min, sub(a, out).and_then(|_| either(b, out))),
        I::IFuncMax(a, b) => (Op::Max, sub(a, out).and_then(|_| either(b, out))),
        I::IFuncAbs(a) => (Op::Abs, sub(a, out)),
        I::IFuncSign(a) => (Op::Sign, sub(a, out)),
        I::IFuncFloor(a) => (Op::Floor, sub(a, out)),
        I::IFuncCeil(a) => (Op::Ceil, sub(a, out)),
        I::IFuncSin(a) => (Op::Sin, sub(a, out)),
        I::IFuncCos(a) => (Op::Cos, sub(a, out)),
        I::IFuncTan(a) => (Op::Tan, sub(a, out)),
        I::IFuncTanH(a) => (Op::Tanh, sub(a, out)),
        // log(b, x) = ln x · (1 / ln b).
        I::IFuncLog { base, of } => {
            either(of, out)?;
            out.push(Op::Ln);
            either(base, out)?;
            out.extend([Op::Ln, Op::Inv]);
            (Op::Mul, Ok(()))
        }
        I::INot(_) | I::IOR(..) | I::IAND(..) => return Err(FormulaError::NotOffered("! && ||".into())),
        I::ILT(..) | I::ILTE(..) | I::IEQ(..) | I::INE(..) | I::IGTE(..) | I::IGT(..) => return Err(FormulaError::NotOffered("< <= == != >= >".into())),
        I::IMod { .. } => return Err(FormulaError::NotOffered("%".into())),
        I::IFuncInt(_) => return Err(FormulaError::Unknown("int".into())),
        I::IFuncRound { .. } => return Err(FormulaError::Unknown("round".into())),
        I::IFuncASin(_) => return Err(FormulaError::Unknown("asin".into())),
        I::IFuncACos(_) => return Err(FormulaError::Unknown("acos".into())),
        I::IFuncATan(_) => return Err(FormulaError::Unknown("atan".into())),
        I::IFuncSinH(_) => return Err(FormulaError::Unknown("sinh".into())),
        I::IFuncCosH(_) => return Err(FormulaError::Unknown("cosh".into())),
        I::IFuncASinH(_) => return Err(FormulaError::Unknown("asinh".into())),
        I::IFuncACosH(_) => return Err(FormulaError::Unknown("acosh".into())),
        I::IFuncATanH(_) => return Err(FormulaError::Unknown("atanh".into())),
        I::IPrintFunc(_) => return Err(FormulaError::Unknown("print".into())),
    };
    took?;
    out.push(op);
    Ok(())
}
