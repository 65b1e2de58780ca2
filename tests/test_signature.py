"""Article signatures: exact copies share a hash, reposts share most MinHash values,
unrelated articles share almost none."""

from communique.stages.signature import lead_vector, minhash_similarity, text_signature

TEXT = ("Le secrétaire d'État Antony Blinken s'est entretenu mardi à Astana avec son "
        "homologue kazakh. Les deux ministres ont passé en revue les échanges commerciaux, "
        "l'énergie et les nouvelles routes logistiques à travers la Caspienne.")


def test_copies_share_the_hash_whatever_the_case_and_spacing():
    a = text_signature(TEXT)
    b = text_signature("  " + TEXT.upper().replace(" ", "\n  "))
    assert a.text_hash == b.text_hash and minhash_similarity(a.minhash, b.minhash) == 1.0


def test_a_repost_with_an_edit_stays_close_and_other_news_does_not():
    edited = TEXT.replace("mardi", "ce mardi 28 février") + " Il se rendra ensuite à Tachkent."
    other = "Le Parlement a adopté jeudi le budget de la culture après un long débat."
    a, b, c = text_signature(TEXT), text_signature(edited), text_signature(other)
    assert a.text_hash != b.text_hash
    assert minhash_similarity(a.minhash, b.minhash) >= 0.52
    assert minhash_similarity(a.minhash, c.minhash) < 0.1


def test_chinese_is_shingled_by_character():
    a = text_signature("法国总统马克龙11月1日在阿斯塔纳同哈萨克斯坦总统托卡耶夫举行会谈。")
    b = text_signature("法国总统马克龙11月1日在阿斯塔纳同哈萨克斯坦总统托卡耶夫举行了会谈。")
    assert minhash_similarity(a.minhash, b.minhash) > 0.6


def test_lead_vector_is_a_unit_mean():
    import numpy as np

    v = lead_vector([np.array([1.0, 0.0], np.float32), np.array([0.0, 1.0], np.float32)])
    assert np.isclose(np.linalg.norm(v), 1.0) and np.isclose(v[0], v[1])
    assert lead_vector([]) is None
