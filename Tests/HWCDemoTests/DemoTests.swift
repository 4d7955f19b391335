import HWCDemo
import Testing
