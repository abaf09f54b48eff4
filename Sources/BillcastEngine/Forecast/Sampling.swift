import BillcastCore

/// Deterministic random numbers and distributions for the Monte Carlo.
///
/// Every draw is a pure function of (seed, parameter, path): a counter-based
/// SplitMix64 hash, so results do not depend on the order paths are computed in
/// or on how many threads compute them. The transcendental functions are written
/// with IEEE-754 basic operations only (+ − × ÷ and √, which every conforming
/// machine rounds identically), not the platform's libm, so the same seed gives
/// the same bytes on any machine.
enum Sampling {
  /// SplitMix64's finaliser.
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// FNV-1a, a stable hash of a parameter's key.
  static func fnv(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  /// A uniform draw in [0, 1) for one parameter on one path.
  static func uniform(seed: UInt64, key: UInt64, path: Int) -> Double {
    let x = mix(mix(seed ^ key) &+ UInt64(path))
    return Double(x >> 11) * 0x1.0p-53
  }

  /// The fraction t in [0, 1] of the way from a range's low to its high end.
  static func fraction(_ u: Double, distribution: Distribution) -> Double {
    switch distribution {
    case .triangular:
      return u < 0.5 ? (u / 2).squareRoot() : 1 - ((1 - u) / 2).squareRoot()
    case .logNormal:
      // A standard normal truncated to ±1.6449 (the 5th and 95th percentiles), mapped to [0, 1].
      let z = inverseNormal(0.05 + 0.9 * u)
      return min(max((z + 1.6448536269514722) / (2 * 1.6448536269514722), 0), 1)
    case .uniform:
      return u
    }
  }

  /// A sampled value between low and high: linear in t, or geometric for log-normal with positive ends.
  static func value(low: ExactDecimal, high: ExactDecimal, u: Double, distribution: Distribution) -> ExactDecimal {
    let t = fraction(u, distribution: distribution)
    if distribution == .logNormal, low > .zero {
      let l = double(low), h = double(high)
      let x = l * exp(t * log(h / l))
      return min(max(exact(x), low), high)
    }
    // Nine decimals are plenty for a sampled quantity, and keep later products on the fast path.
    let x = (low + (high - low) * exactFraction(t)).rounded(toFractionDigits: 9)
    return min(max(x, low), high)
  }

  /// A fraction in [0, 1] as an exact decimal with 12 digits.
  static func exactFraction(_ t: Double) -> ExactDecimal {
    ExactDecimal(raw: Int128((min(max(t, 0), 1) * 1e12).rounded()) * 1_000_000)
  }

  /// A double as an exact decimal rounded to 9 decimal places.
  static func exact(_ x: Double) -> ExactDecimal {
    ExactDecimal(raw: Int128((x * 1e9).rounded()) * 1_000_000_000)
  }

  static func double(_ v: ExactDecimal) -> Double {
    let scale = Double(1e18)
    let (q, r) = v.raw.quotientAndRemainder(dividingBy: ExactDecimal.scale)
    return Double(q) + Double(r) / scale
  }

  // MARK: Math from basic operations

  static let ln2 = 0.6931471805599453

  /// The natural logarithm (x > 0).
  static func log(_ x: Double) -> Double {
    var e = 0
    var m = x
    while m >= 2 { m /= 2; e += 1 }
    while m < 1 { m *= 2; e -= 1 }
    // ln(m) = 2 atanh(s), s = (m − 1)/(m + 1) ≤ 1/3.
    let s = (m - 1) / (m + 1), s2 = s * s
    var term = s, sum = 0.0
    var k = 1.0
    for _ in 0..<30 {
      sum += term / k
      term *= s2
      k += 2
    }
    return 2 * sum + Double(e) * ln2
  }

  /// The exponential.
  static func exp(_ y: Double) -> Double {
    let k = (y / ln2).rounded()
    let r = y - k * ln2
    var term = 1.0, sum = 1.0
    for i in 1..<30 {
      term *= r / Double(i)
      sum += term
    }
    var result = sum
    var n = Int(k)
    while n > 0 { result *= 2; n -= 1 }
    while n < 0 { result /= 2; n += 1 }
    return result
  }

  /// The standard normal's inverse CDF (Acklam's rational approximation, relative error < 1.15e-9).
  static func inverseNormal(_ p: Double) -> Double {
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01,
    ]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425, high = 1 - low
    if p < low {
      let q = (-2 * log(p)).squareRoot()
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > high {
      let q = (-2 * log(1 - p)).squareRoot()
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let q = p - 0.5, r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  }
}
