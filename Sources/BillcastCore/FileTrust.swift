#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who else can write a file or folder: the one rule the pricing search and the snapshot cache
/// apply before trusting what they read.
package enum FileTrust {
  /// Whether others can write a file or folder with `mode`, owned by group `group`: anyone
  /// (world-writable), or a group that is not this user's own (with user-private groups,
  /// where `umask 002` makes everything group-writable, the group is the user alone).
  package static func othersCanWrite(mode: mode_t, group: gid_t) -> Bool {
    mode & 0o002 != 0 || (mode & 0o020 != 0 && group != getegid())
  }
}
