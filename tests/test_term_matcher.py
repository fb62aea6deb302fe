from tests.helpers import matcher


def found(text: str, language: str = "ja") -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term_id) for m in matcher(language).find(text)]


def test_longest_term_wins_in_japanese_running_text():
    assert found("SageMakerの推論エンドポイントを") == [
        ("SageMaker", "sagemaker-ai"),
        ("推論エンドポイント", "inference-endpoint"),
    ]


def test_shorter_term_still_found_alone():
    assert found("推論を実行します") == [("推論", "inference")]


def test_overlapping_forms_prefer_longer_product_name():
    assert found("SageMaker AIの機能") == [("SageMaker AI", "sagemaker-ai")]


def test_full_width_forms_match():
    assert found("ＳａｇｅＭａｋｅｒで") == [("ＳａｇｅＭａｋｅｒ", "sagemaker-ai")]


def test_ascii_terms_need_word_boundaries():
    assert found("SageMakerX と XSageMaker") == []


def test_katakana_terms_do_not_match_inside_longer_katakana_words():
    assert found("クローラーズ") == []


def test_variant_is_found_and_flagged():
    matches = list(matcher("ja").find("クローラを実行"))
    assert [(m.term_id, m.form.is_variant, m.form.standard) for m in matches] == [("crawler", True, "クローラー")]


def test_english_is_case_insensitive_and_plural_alias():
    assert found("Real-time endpoint inferences", "en") == [
        ("Real-time endpoint", "inference-endpoint"),
        ("inferences", "inference"),
    ]
