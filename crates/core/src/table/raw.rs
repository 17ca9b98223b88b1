//! Raw cell text stored contiguously: one `String` and one end offset per cell.
//!
//! Reading a million-line export must not allocate a `String` per cell. Every column's cells
//! are appended to one buffer while the records are split; the typed column keeps this
//! buffer (for non-text columns) so the user can re-type the column later without
//! re-reading the file, and so a value that does not fit a type can be shown as written.

/// The text of every cell of one column, in row order.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawCells {
    text: String,
    ends: Vec<u32>,
    /// Cells taken off the front ([`RawCells::pop_front`]): `ends[head..]` are the cells.
    head: usize,
}

impl PartialEq for RawCells {
    fn eq(&self, other: &RawCells) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl RawCells {
    /// An empty store with room for `rows` cells.
    pub(crate) fn with_capacity(rows: usize) -> RawCells {
        RawCells {
            text: String::new(),
            ends: Vec::with_capacity(rows),
            head: 0,
        }
    }

    /// Appends one cell. The reader refuses inputs over 4 GiB, so offsets fit in `u32`.
    pub(crate) fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.ends.push(self.text.len() as u32);
    }

    /// Makes room for about `factor` times the cells and text held now, so a large file's
    /// columns grow once instead of doubling (each doubling copies the column and leaves
    /// up to half of it unused: in a browser tab that memory is never given back).
    pub(crate) fn reserve_scaled(&mut self, factor: f64) {
        let more = |now: usize| ((now as f64) * (factor - 1.0)).ceil().max(0.0) as usize;
        self.text.reserve(more(self.text.len()));
        self.ends.reserve(more(self.ends.len()));
    }

    /// Number of cells.
    pub(crate) fn len(&self) -> usize {
        self.ends.len() - self.head
    }

    /// Where cell `i` of `ends` starts.
    fn start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize
        }
    }

    /// Cell `i` as written.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &str {
        let i = i + self.head;
        &self.text[self.start(i)..self.ends[i] as usize]
    }

    /// All cells in order (each cell starts where the one before ended).
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let mut start = self.start(self.head);
        self.ends[self.head..].iter().map(move |&end| {
            let cell = &self.text[start..end as usize];
            start = end as usize;
            cell
        })
    }

    /// Removes and returns the first cell (the header, once it is known to be one). The
    /// cells are not moved: a million-row column would be copied for one cell.
    pub(crate) fn pop_front(&mut self) -> String {
        if self.len() == 0 {
            return String::new();
        }
        let first = self.get(0).to_string();
        self.head += 1;
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_get_pop() {
        let mut cells = RawCells::with_capacity(4);
        for c in ["name", "", "tea", "cup"] {
            cells.push(c);
        }
        assert_eq!(cells.get(1), "");
        assert_eq!(cells.pop_front(), "name");
        assert_eq!(cells.iter().collect::<Vec<_>>(), ["", "tea", "cup"]);
        assert_eq!((cells.len(), cells.get(0), cells.get(2)), (3, "", "cup"));
        assert_eq!(cells.pop_front(), "");
        assert_eq!(cells.iter().collect::<Vec<_>>(), ["tea", "cup"]);
        let mut fresh = RawCells::default();
        fresh.push("tea");
        fresh.push("cup");
        assert_eq!(cells, fresh);
        assert_eq!(cells.pop_front(), "tea");
        assert_eq!(cells.pop_front(), "cup");
        assert_eq!((cells.len(), cells.pop_front()), (0, String::new()));
        assert_eq!(cells.iter().count(), 0);
    }
}
