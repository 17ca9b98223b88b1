//! Short strings as one integer, for the hash maps that intern item names and text cells.
//!
//! Nearly every item name, invoice number, stock code and country in a sales export is at
//! most 15 bytes. Packed with its length into a `u128`, such a string is hashed in two
//! multiplications and compared in one instruction, instead of hashing its bytes and
//! comparing them with `memcmp`. Longer strings keep a map keyed by their text.

/// The `len` bytes of `bytes` at `start` (at most 15) and their length packed into one
/// integer: equal keys are equal byte strings. `None` for longer strings or a range
/// outside `bytes`. Reads a 16-byte window when the text has one, so the hot path copies
/// nothing.
#[inline]
pub(crate) fn short_key_at(bytes: &[u8], start: usize, len: usize) -> Option<u128> {
    if len > 15 {
        return None;
    }
    let word = match bytes.get(start..start + 16) {
        Some(window) => u128::from_le_bytes(window.try_into().ok()?),
        None => {
            let mut buffer = [0u8; 16];
            buffer[..len].copy_from_slice(bytes.get(start..start + len)?);
            u128::from_le_bytes(buffer)
        }
    };
    let mask = if len == 0 {
        0
    } else {
        u128::MAX >> (128 - 8 * len)
    };
    Some((word & mask) | ((len as u128) << 120))
}

/// [`short_key_at`] for a whole string.
#[inline]
pub(crate) fn short_key(text: &str) -> Option<u128> {
    short_key_at(text.as_bytes(), 0, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_strings_apart_exactly() {
        let words = [
            "",
            "a",
            "a\0",
            "\0",
            "ab",
            "ba",
            "abcdefghijklmno",
            "abcdefghijklmnp",
            "牛奶",
            "牛奶 ",
            "C536379",
            "85123A",
            "United Kingdom",
        ];
        for a in words {
            for b in words {
                assert_eq!(short_key(a) == short_key(b), a == b, "{a:?} vs {b:?}");
            }
        }
        assert_eq!(short_key("abcdefghijklmnop"), None);
        // In a longer text, the window past the string does not leak into the key.
        let text = b"milk,bread,milkshake";
        assert_eq!(short_key_at(text, 0, 4), short_key("milk"));
        assert_eq!(short_key_at(text, 11, 4), short_key("milk"));
        assert_eq!(short_key_at(text, 5, 5), short_key("bread"));
        assert_eq!(short_key_at(text, 18, 5), None);
    }
}
