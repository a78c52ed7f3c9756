//! What the page calls a class: a digit, a picture's class by its name, a table's value.

/// Class `class` as the page names it: the digit for the handwritten digits, the class's own
/// name for a picture, the predicted column's value for a table, "−1" and "+1" for two classes
/// on the plane, else its number.
pub fn class_name(config: &crate::Config, class: usize) -> String {
    let k = config.data.classes.max(2);
    let table = config.data.table.as_ref().filter(|_| config.data.dataset == crate::Dataset::Table);
    match (config.data.dataset, table) {
        (crate::Dataset::Digits, _) => config.data.digits.get(class).map_or(String::new(), |d| d.to_string()),
        (_, Some(t)) => match &t.picture {
            Some(p) => p.names.get(class).cloned().unwrap_or_default(),
            None => format!("{} = {}", t.label, t.classes.get(class).copied().unwrap_or_default()),
        },
        _ if k == 2 => ["−1", "+1"][class.min(1)].to_string(),
        _ => class.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_named_by_what_they_are() {
        let mut c = crate::Config::default();
        assert_eq!((class_name(&c, 0), class_name(&c, 1)), ("−1".to_string(), "+1".to_string()));
        c.apply(crate::edit::Edit::Dataset(crate::Dataset::Digits));
        c.apply(crate::edit::Edit::Digits(vec![3, 8]));
        assert_eq!(class_name(&c, 1), "8");
        let mut p = crate::picture::Picture::new(4, 1, vec![0; 12], vec!["agua".into(), "bosque".into()]).expect("a picture");
        p.paint = vec![1, 1, 2, 2];
        c.apply(crate::edit::Edit::Table(Box::new(p.table().expect("a table"))));
        assert_eq!(class_name(&c, 1), "bosque");
    }
}
