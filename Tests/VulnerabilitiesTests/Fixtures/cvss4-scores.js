// Writes cvss4-scores.tsv: CVSS v4.0 vectors and the scores FIRST's reference calculator gives
// them (https://github.com/FIRSTdotorg/cvss-v4-calculator, its cvss_score.js and data files),
// for CVSSv4Tests to compare with. Run: node cvss4-scores.js PATH-TO-CALCULATOR-CHECKOUT > cvss4-scores.tsv
// The vectors are drawn with a fixed seed: every base metric, and each threat and environmental
// metric written in about half of them.
const fs = require("fs");
const path = require("path");
const folder = process.argv[2];
for (const file of ["cvss_lookup.js", "max_composed.js", "max_severity.js", "cvss_score.js"]) {
  (0, eval)(fs.readFileSync(path.join(folder, file), "utf8"));
}

const base = {
  AV: "NALP", AC: "LH", AT: "NP", PR: "NLH", UI: "NPA",
  VC: "HLN", VI: "HLN", VA: "HLN", SC: "HLN", SI: "HLN", SA: "HLN",
};
const optional = {
  E: "APU", CR: "HML", IR: "HML", AR: "HML", MAV: "NALP", MAC: "LH", MAT: "NP", MPR: "NLH", MUI: "NPA",
  MVC: "HLN", MVI: "HLN", MVA: "HLN", MSC: "HLN", MSI: "SHLN", MSA: "SHLN",
};

let seed = 20231101;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function pick(letters) { return letters[Math.floor(random() * letters.length)]; }

const rows = [];
for (let index = 0; index < 2000; index++) {
  const selected = {};
  const parts = ["CVSS:4.0"];
  for (const [metric, letters] of Object.entries(base)) {
    selected[metric] = pick(letters);
    parts.push(`${metric}:${selected[metric]}`);
  }
  for (const [metric, letters] of Object.entries(optional)) {
    selected[metric] = "X";
    if (index >= 500 && random() < 0.5) {
      selected[metric] = pick(letters);
      parts.push(`${metric}:${selected[metric]}`);
    }
  }
  const score = cvss_score(selected, cvssLookup_global, maxSeverity, macroVector(selected));
  rows.push(`${parts.join("/")}\t${score.toFixed(1)}`);
}
process.stdout.write(rows.join("\n") + "\n");
