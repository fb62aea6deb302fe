from wikitools.slugs import slugify


def test_japanese_heading_keeps_its_words():
    assert slugify("推論エンドポイント") == "推論エンドポイント"


def test_punctuation_becomes_single_hyphens():
    assert slugify("推論エンドポイント（リアルタイム）・バッチ変換") == "推論エンドポイント-リアルタイム-バッチ変換"


def test_full_width_latin_is_folded_and_lowercased():
    assert slugify("ＳａｇｅＭａｋｅｒ Studio") == "sagemaker-studio"


def test_mixed_scripts_and_numbers():
    assert slugify("MLOps レベル 2: CI/CD") == "mlops-レベル-2-ci-cd"


def test_long_vowel_mark_is_kept():
    assert slugify("クローラー") == "クローラー"


def test_stable_for_same_input():
    assert slugify("Kinesis Data Streams の仕組み") == slugify("Kinesis Data Streams の仕組み")
