#!/usr/bin/env node
// The `rassegna` command: the compiled entry point does the work (built by `tsc -b`).
import "../dist/main.js";
