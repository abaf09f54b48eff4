/// Why gzip or DEFLATE data cannot be decoded, and the compressed byte offset where it was found.
package struct GzipError: Error, Equatable, CustomStringConvertible {
  /// What is wrong.
  package enum Kind: Equatable, Sendable {
    /// The data does not start with the gzip magic bytes 1f 8b.
    case notGzip
    /// The header names a compression method other than 8 (DEFLATE).
    case unsupportedMethod(UInt8)
    /// The header sets one of the reserved flag bits 5-7.
    case reservedFlags
    /// The header's CRC-16 (FHCRC) does not match.
    case headerChecksum
    /// Bytes after a complete member that are not another member.
    case trailingData
    /// A block header has type 3, which RFC 1951 reserves.
    case reservedBlockType
    /// A stored block's LEN and NLEN are not complements.
    case storedLength
    /// A dynamic block declares more than 286 literal/length or 30 distance codes.
    case tooManyCodes
    /// Code lengths give more codes than fit (a Huffman code is over-subscribed).
    case oversubscribedCode
    /// Code lengths leave codes unused where RFC 1951 needs a complete code.
    case incompleteCode
    /// A code-length repeat (symbol 16) comes first, with no length to repeat.
    case repeatWithoutLength
    /// Code-length repeats run past the number of codes the block declares.
    case tooManyLengths
    /// The literal/length code gives the end-of-block symbol no code.
    case missingEndOfBlock
    /// A code the block's Huffman table does not define, or symbol 286, 287, 30 or 31.
    case invalidCode
    /// A match's distance reaches before the first byte of the data.
    case distanceTooFar
    /// A member's CRC-32 does not match its data.
    case checksumMismatch
    /// A member's ISIZE is not its data's length modulo 2^32.
    case sizeMismatch
    /// The input ends inside a member.
    case truncated
  }

  /// What is wrong.
  package var kind: Kind
  /// The offset in the compressed data (from its first byte) where it was found.
  package var offset: Int

  /// An error of a kind at a compressed byte offset.
  package init(_ kind: Kind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  /// The message, naming the offset where that helps.
  package var description: String {
    switch kind {
    case .notGzip: return "this is not gzip data at byte \(offset): it does not start with 1f 8b"
    case .unsupportedMethod(let m):
      return "the gzip header at byte \(offset) names compression method \(m); only 8 (DEFLATE) exists"
    case .reservedFlags: return "the gzip header at byte \(offset) sets reserved flag bits: it is corrupt"
    case .headerChecksum: return "the gzip header's CRC-16 at byte \(offset) does not match: the header is corrupt"
    case .trailingData: return "bytes after the gzip data at byte \(offset) are not another gzip member"
    case .checksumMismatch: return "CRC-32 mismatch at byte \(offset): the data is corrupt"
    case .sizeMismatch: return "the gzip length (ISIZE) at byte \(offset) does not match the data: it is corrupt"
    case .truncated: return "the file ends inside gzip data: it is truncated"
    default: return "the gzip data is corrupt at byte \(offset): \(reason)"
    }
  }

  /// Why DEFLATE data is corrupt.
  private var reason: String {
    switch kind {
    case .reservedBlockType: return "a block has type 3, which is reserved"
    case .storedLength: return "a stored block's length and its complement do not match"
    case .tooManyCodes: return "a block declares more than 286 literal/length or 30 distance codes"
    case .oversubscribedCode: return "a Huffman code is over-subscribed (its lengths give more codes than exist)"
    case .incompleteCode: return "a Huffman code is incomplete"
    case .repeatWithoutLength: return "a code-length repeat has no previous length"
    case .tooManyLengths: return "code-length repeats run past the codes the block declares"
    case .missingEndOfBlock: return "the literal/length code has no end-of-block symbol"
    case .invalidCode: return "a code that the block's Huffman table does not define"
    case .distanceTooFar: return "a distance reaches before the start of the data"
    default: return "\(kind)"
    }
  }
}
