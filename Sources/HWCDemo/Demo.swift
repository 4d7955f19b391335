import HWCRegister

/// The demo register (`hwc demo`).
public enum Demo {}
