"""Length model of zh-en translation, fitted by bench/qa_calibrate_length.py on the gold
links of ../shared/bench (pol and MAC-Dev: Chinese originals; aca and mag: English
originals). Generated: edit the script, not this file.

r = ln(English non-space characters / Chinese non-space characters);
expected r = centre; sd(n)^2 = var_floor + var_per_char / n for n Chinese characters.
"""

LENGTH_MODEL: dict[str, dict[str, float]] = {
    "zh": {"centre": 1.204, "var_floor": 0.0261, "var_per_char": 1.0995, "links": 2354},
    "en": {"centre": 0.976, "var_floor": 0.02582, "var_per_char": 0.8804, "links": 2072},
    "unknown": {"centre": 1.0977, "var_floor": 0.04623, "var_per_char": 0.7988, "links": 4426},
}
