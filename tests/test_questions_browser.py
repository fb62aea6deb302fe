"""Self-check questions in real Chromium: keyboard only, JavaScript off, the practice score in localStorage, axe."""

from __future__ import annotations

import json

import pytest

from tests.test_browser import AXE, settle
from wikitools.questions import load_questions

pytestmark = pytest.mark.browser

FIRST_RADIO_FORM = "form.quiz-q:has(input[type=radio])"


def topic_page_with_questions() -> str:
    from tests.helpers import ROOT

    items, _ = load_questions(ROOT, None)
    assert items, "no questions in data/questions/*.yml"
    return items[0].page[: -len(".md")] + "/"


def tab_until(page, script: str, limit: int = 40) -> None:
    """Press Tab until ``script`` (a JS expression on document.activeElement ``a``) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const a = document.activeElement; return !!({script}); }}"):
            return
    raise AssertionError(f"Tab never reached: {script}")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_answer_a_question_with_the_keyboard_only(session, prefix):
    page = session.page
    page.goto(session.url(prefix + topic_page_with_questions()))
    settle(page)
    form = page.locator(FIRST_RADIO_FORM).first
    qid = form.get_attribute("id")
    key = int(form.get_attribute("data-key"))
    page.focus("#check-yourself .headerlink")
    tab_until(page, f"a.type === 'radio' && a.form && a.form.id === '{qid}'")
    page.keyboard.press("Space")
    for _ in range(key):  # arrows move the choice within the radio group
        page.keyboard.press("ArrowDown")
    assert form.locator("input").nth(key).is_checked()
    tab_until(page, f"a.tagName === 'BUTTON' && a.form && a.form.id === '{qid}'")
    page.keyboard.press("Enter")
    result = form.locator(".quiz-result")
    assert result.inner_text() == page.locator(".quiz").first.get_attribute("data-right")
    assert result.get_attribute("role") == "status"
    assert form.locator("details").evaluate("d => d.open")
    assert "quiz-opt--right" in form.locator("label").nth(key).get_attribute("class")
    stored = json.loads(page.evaluate("localStorage.getItem('wiki-quiz')"))
    assert stored == {qid[len("q-") :]: 1}
    # a wrong answer says so and names the right one
    wrong = (key + 1) % form.locator("input").count()
    form.locator("input").nth(wrong).check()
    form.locator("button").press("Enter")
    assert form.get_attribute("data-answer") in result.inner_text()
    assert "quiz-opt--wrong" in form.locator("label").nth(wrong).get_attribute("class")
    assert session.console_errors == [] and session.traffic.foreign == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_details_reveal_the_answer(browser, built_site, prefix):
    from tests.conftest import route_site

    context = browser.new_context(java_script_enabled=False)
    route_site(context, built_site)
    page = context.new_page()
    try:
        page.goto(built_site.url + prefix + topic_page_with_questions())
        form = page.locator("form.quiz-q").first
        assert not form.locator("button").is_visible()  # "Check answer" needs the script
        answer = form.locator("details")
        assert not answer.locator("ul").is_visible()
        form.locator("input").first.check()
        form.locator("input").first.press("Enter")  # method=dialog: no reload, nothing lost
        assert form.locator("input").first.is_checked()
        form.locator("summary").focus()
        page.keyboard.press("Enter")
        assert answer.locator("ul").is_visible()
        assert form.get_attribute("data-answer") in answer.locator("p").first.inner_text()
    finally:
        context.close()


def test_practice_score_updates_persists_and_resets(session):
    page = session.page
    page.goto(session.url("exam-guide/"))
    settle(page)
    page.evaluate("window.__no_reload = true")
    page.locator('a.md-nav__link[href$="practice-mla-c01/"]').first.click()  # instant navigation
    page.wait_for_url(session.url("exam-guide/practice-mla-c01/"))
    page.wait_for_function(
        "() => document.querySelector('.quiz-reset') && !document.querySelector('.quiz-reset').hidden"
    )
    assert page.evaluate("window.__no_reload") is True
    score = page.locator(".quiz-score__text")
    total = page.locator("form.quiz-q").count()
    assert total > 0
    assert score.inner_text() == f"正解 0 問 / 回答 0 問（全 {total} 問）"
    sets = page.locator("details.quiz-set")
    assert sets.count() >= 2 and page.locator("details.quiz-set[open]").count() == 0  # a domain at a time
    form = page.locator("form.quiz-q").first
    assert not form.is_visible()
    sets.first.locator(":scope > summary").click()
    for index in form.get_attribute("data-key").split():
        form.locator("input").nth(int(index)).check()
    form.locator("button").click()
    assert score.inner_text() == f"正解 1 問 / 回答 1 問（全 {total} 問）"
    second = page.locator("form.quiz-q").nth(1)
    wrong = next(i for i in range(second.locator("input").count()) if str(i) not in second.get_attribute("data-key"))
    second.locator("input").nth(wrong).check()
    second.locator("button").click()
    assert score.inner_text() == f"正解 1 問 / 回答 2 問（全 {total} 問）"
    question = page.locator("form.quiz-q").nth(1).get_attribute("id")
    page.goto(session.url(f"exam-guide/practice-mla-c01/#{question}"))  # a link to one question opens its set
    settle(page)
    assert page.locator(".quiz-score__text").inner_text() == f"正解 1 問 / 回答 2 問（全 {total} 問）"
    assert page.locator(f"#{question}").is_visible()
    link = page.locator("form.quiz-q").first.locator(".quiz-meta a").first
    assert "#" in link.get_attribute("href")  # the explanation leads to the teaching section
    page.locator(".quiz-reset").click()
    assert page.locator(".quiz-score__text").inner_text() == f"正解 0 問 / 回答 0 問（全 {total} 問）"
    assert json.loads(page.evaluate("localStorage.getItem('wiki-quiz')")) == {}
    assert session.console_errors == [] and session.traffic.foreign == []


def axe_violations(page, only_quiz: bool = False) -> list:
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async (onlyQuiz) => {
        const parts = [".quiz", ".quiz-score", "#check-yourself"].filter(s => document.querySelector(s)).map(s => [s]);
        const where = onlyQuiz ? { include: parts } : document;
        const r = await axe.run(where, { resultTypes: ["violations"] });
        return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
    }""",
        only_quiz,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_questions_answered_and_on_a_practice_page(browser, built_site, scheme):
    from tests.conftest import route_site

    context = browser.new_context(color_scheme=scheme)
    route_site(context, built_site)
    page = context.new_page()
    try:
        for rel in (
            topic_page_with_questions(),
            "en/" + topic_page_with_questions(),
            "en/exam-guide/practice-mla-c01/",
        ):
            page.goto(built_site.url + rel)
            settle(page)
            closed = page.locator("details.quiz-set:not([open]) > summary")
            while closed.count():  # a practice page: open every set
                closed.first.click()
            for form in page.locator("form.quiz-q").all()[:2]:  # one right, one wrong: both marks are checked
                form.locator("input").first.check()
                form.locator("button").click()
            # the whole page in the light palette (as tests/test_browser.py); our parts in the dark one too
            assert axe_violations(page, only_quiz=scheme == "dark") == [], rel
    finally:
        context.close()
