"""An article's URL as the name of the report (`extract.urls`)."""

from newsmoa.extract.urls import url_key


def test_what_does_not_name_the_article_is_left_out_of_its_url():
    key = "https://sjbnews.com/news/articleView.html?idxno=100"
    for url in (
        "https://www.sjbnews.com/news/articleView.html?idxno=100",
        "http://m.sjbnews.com/news/articleView.html?idxno=100&utm_source=twitter#top",
        "https://SJBNEWS.com:443/news/articleView.html?fbclid=Ab1&idxno=100",
        "https://mobile.sjbnews.com/news/articleView.html?idxno=100&gclid=x",
    ):
        assert url_key(url) == key, url
    # parameters that name the article stay, in one order; a path's case is the site's
    assert url_key("https://n.news.naver.com/read?oid=001&aid=0010") == url_key(
        "https://n.news.naver.com/read?aid=0010&oid=001"
    )
    assert url_key("https://x.com/News/1") != url_key("https://x.com/news/1")
    assert url_key("https://x.com:8080/a") == "https://x.com:8080/a"
    # a fragment that routes the page names the article (two reports on one such site were
    # one article, the second written over the first: a review); a place on the page not
    routed = {url_key(f"https://news.example.kr/#!/view/{n}") for n in (1001, 1002)}
    assert routed == {f"https://news.example.kr/#!/view/{n}" for n in (1001, 1002)}
    assert url_key("https://x.com/#/news/1") != url_key("https://x.com/#/news/2")
    assert (
        url_key("https://x.com/a#comments") == url_key("https://x.com/a#top") == "https://x.com/a"
    )
    # a host that is only the prefix's word, or no http(s) URL at all, as it is
    assert url_key("https://m.com/a") == "https://m.com/a"
    for other in ("urn:uuid:1234", "tag:example.com,2024:1", "not a url", "https://[bad"):
        assert url_key(other) == other
