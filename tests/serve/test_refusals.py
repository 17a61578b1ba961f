"""What a refused request says: the field it could not read and what that field takes, in
the product's words, not Python's."""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from newsmoa.serve.api_doubts import window


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        (("", "abc", ""), "days: 'abc' is not a number of days"),
        (("someday", "", ""), "until: 'someday' is not an ISO date or time"),
        (("", "", "ten"), "limit: 'ten' is not a whole number from 1 to 100"),
        (("2019-08-01", "1", "1.5"), "limit: '1.5' is not a whole number"),
    ],
)
def test_a_doubts_window_it_cannot_read_names_the_field_and_what_it_takes(asked, said):
    """`/doubts?days=abc` said "cannot read the window: could not convert string to float:
    'abc'"."""
    with pytest.raises(HTTPException) as refused:
        window(*asked)
    assert refused.value.status_code == 422
    assert str(refused.value.detail).startswith(said)
    assert "convert" not in str(refused.value.detail)


def test_a_page_asked_with_a_value_out_of_range_says_what_the_parameter_takes(db_path):
    """`/?offset=-1` answered "cannot read the request's offset", not what an offset is."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from newsmoa.serve.app import create_app
    from newsmoa.store import open_store

    open_store(str(db_path)).close()
    with TestClient(create_app(str(db_path))) as client:
        page = client.get("/", params={"offset": "-1"})
    assert page.status_code == 422
    assert "offset: input should be greater than or equal to 0" in page.text
