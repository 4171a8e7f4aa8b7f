"""Portuguese narrated by Portuguese rules: the table is written from Portuguese usage (Ciberdúvidas
and the Acordo Ortográfico on numbers, dates, ordinals, the gender of "um" and "dois" before a
noun, money, clock times and abbreviations). Numbers are in the European forms num2words gives
("dezassete", "dezanove"), which espeak-ng says as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aloud.model import Source
from aloud.narrate.lang import for_language
from aloud.narrate.lang.en.word_lists import COMMON_WORDS
from aloud.narrate.lang.pt import Portuguese
from aloud.structure import structure

CASES: list[tuple[str, str]] = [
    # dates
    ("Em 25 de maio de 1958 o pão custava 5,50 €.",
     "Em vinte e cinco de maio de mil novecentos e cinquenta e oito o pão custava cinco euros e cinquenta cêntimos."),
    ("O 1.º de janeiro é feriado.", "O primeiro de janeiro é feriado."),
    ("Chegou no 1º de janeiro.", "Chegou no primeiro de janeiro."),
    ("No dia 1 de janeiro não há aulas.", "No dia primeiro de janeiro não há aulas."),
    ("O 25/04/1974 mudou o país.", "O vinte e cinco de abril de mil novecentos e setenta e quatro mudou o país."),
    ("O 25 de Abril é feriado.", "O vinte e cinco de Abril é feriado."),
    ("Cabral chegou ao Brasil em 1500.", "Cabral chegou ao Brasil em mil e quinhentos."),
    ("Em 2024 choveu muito.", "Em dois mil e vinte e quatro choveu muito."),
    # ordinals and Roman numerals
    ("Ficou em 1.º lugar.", "Ficou em primeiro lugar."),
    ("Foi a 1.ª vez.", "Foi a primeira vez."),
    ("Mora no 3.º andar.", "Mora no terceiro andar."),
    ("Festejaram o 25.º aniversário.", "Festejaram o vigésimo quinto aniversário."),
    ("É a 21.ª edição.", "É a vigésima primeira edição."),
    ("No século XIX tudo mudou.", "No século dezanove tudo mudou."),
    ("Leia o capítulo IV.", "Leia o capítulo quatro."),
    ("D. João VI voltou ao Brasil.", "Dom João sexto voltou ao Brasil."),
    ("D. Pedro II foi imperador.", "Dom Pedro segundo foi imperador."),
    ("Luís XIV reinou em França.", "Luís catorze reinou em França."),
    ("O Papa Pio X morreu em 1914.", "O Papa Pio décimo morreu em mil novecentos e catorze."),
    ("D. Maria I foi rainha.", "Dona Maria primeira foi rainha."),
    # the gender of a number before its noun
    ("Comprou 1 livro.", "Comprou um livro."),
    ("Tinha 1 casa.", "Tinha uma casa."),
    ("Venderam 2 casas e 2 livros.", "Venderam duas casas e dois livros."),
    ("Vieram 21 pessoas.", "Vieram vinte e uma pessoas."),
    ("Eram 200 pessoas.", "Eram duzentas pessoas."),
    ("Passou 2 dias fora.", "Passou dois dias fora."),
    ("Resolveu 2 problemas.", "Resolveu dois problemas."),
    ("Tentou 2 vezes.", "Tentou duas vezes."),
    ("Fez 2 viagens.", "Fez duas viagens."),
    ("Foram 2 mil pessoas.", "Foram duas mil pessoas."),
    ("Foi 1 de nós.", "Foi um de nós."),
    # money
    ("Custa 1 €.", "Custa um euro."),
    ("Pagou R$ 10,00.", "Pagou dez reais."),
    ("O bilhete custa R$ 1,50.", "O bilhete custa um real e cinquenta centavos."),
    ("Pagou 3,99 EUR.", "Pagou três euros e noventa e nove cêntimos."),
    ("Uma nota de 20 $.", "Uma nota de vinte dólares."),
    ("Ganhou 1.000.000 €.", "Ganhou um milhão de euros."),
    ("Custa 0,50 €.", "Custa cinquenta cêntimos."),
    ("Custava 2 libras.", "Custava duas libras."),
    # thousands, decimals, percentages
    ("A cidade tem 1.000.000 de habitantes.", "A cidade tem um milhão de habitantes."),
    ("Ganhou 1.500 euros.", "Ganhou mil e quinhentos euros."),
    ("Eram 10 000 soldados.", "Eram dez mil soldados."),
    ("A taxa é de 3,5 %.", "A taxa é de três vírgula cinco por cento."),
    ("Pesava 2,05 kg.", "Pesava dois vírgula zero cinco quilos."),
    ("A subida foi de 25 %.", "A subida foi de vinte e cinco por cento."),
    # clock times
    ("O comboio parte às 17h30.", "O comboio parte às dezassete e trinta."),
    ("O trem sai às 17:30.", "O trem sai às dezassete e trinta."),
    ("Acordou às 8h.", "Acordou às oito horas."),
    ("Chegou à 1h.", "Chegou à uma hora."),
    ("Saiu às 2h15.", "Saiu às duas e quinze."),
    # units
    ("Ia a 120 km/h.", "Ia a cento e vinte quilómetros por hora."),
    ("Andou 5 km.", "Andou cinco quilómetros."),
    ("Correu 100 m.", "Correu cem metros."),
    ("Mede 30 cm.", "Mede trinta centímetros."),
    ("Comprou 1 kg de arroz e 500 g de sal.", "Comprou um quilo de arroz e quinhentos gramas de sal."),
    ("Bebeu 2 l de água.", "Bebeu dois litros de água."),
    ("Estavam 5 °C.", "Estavam cinco graus Celsius."),
    ("Fazia -5 °C.", "Fazia menos cinco graus Celsius."),
    ("Media 1,80 m.", "Media um vírgula oitenta metros."),
    # abbreviations
    ("O Sr. Silva chegou.", "O senhor Silva chegou."),
    ("A Sra. Costa e a Srta. Lima.", "A senhora Costa e a senhorita Lima."),
    ("O Dr. Sousa e a Dra. Pires.", "O doutor Sousa e a doutora Pires."),
    ("O Prof. Matos e a Profa. Reis.", "O professor Matos e a professora Reis."),
    ("V. Ex.ª tem razão.", "Vossa Excelência tem razão."),
    ("Maçãs, peras, etc.", "Maçãs, peras, etcétera."),
    ("Viveu em 44 a.C.", "Viveu em quarenta e quatro antes de Cristo."),
    ("Morreu no ano 100 d.C.", "Morreu no ano cem depois de Cristo."),
    ("Mora na Av. da Liberdade.", "Mora na avenida da Liberdade."),
    ("Veja a pág. 12.", "Veja a página doze."),
    ("Leia as págs. 10–20.", "Leia as páginas dez a vinte."),
    ("Mora no n.º 5.", "Mora no número cinco."),
    ("Mora no nº 7.", "Mora no número sete."),
    ("Veja o cap. 3 do vol. 2.", "Veja o capítulo três do volume dois."),
    ("Diz o art. 5.", "Diz o artigo cinco."),
    ("Ligue para o tel. indicado.", "Ligue para o telefone indicado."),
    # ranges, symbols, digits
    ("Faltam as páginas 10–20.", "Faltam as páginas dez a vinte."),
    ("Rato & Filhos", "Rato e Filhos"),
    ("2 + 2 = 4", "dois mais dois igual a quatro"),
    ("Mede 3 × 4 metros.", "Mede três vezes quatro metros."),
    ("Escreva para joao@exemplo.pt.", "Escreva para joao arroba exemplo.pt."),
    ("Leia e/ou escreva.", "Leia e ou escreva."),
    ("O agente 007 chegou.", "O agente zero zero sete chegou."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_portuguese_is_said_as_a_portuguese_narrator_says_it(text, expected):
    assert Portuguese().speakable(text) == expected


def test_the_table_is_big_enough():
    assert len(CASES) >= 40


def test_portuguese_sentences_headings_and_announcements():
    locale = for_language("pt-BR")
    assert locale.language == "pt"
    assert isinstance(locale, Portuguese)
    assert locale.split_sentences("Chegou o Sr. Silva. Quem era? Ninguém sabia! —Eu não —disse ela.") == [
        "Chegou o Sr. Silva.", "Quem era?", "Ninguém sabia!", "—Eu não —disse ela."]
    assert locale.split_sentences("Vieram a Dra. Costa e o Prof. Lima. Trouxeram maçãs, peras, etc. Depois nada.") == [
        "Vieram a Dra. Costa e o Prof. Lima.", "Trouxeram maçãs, peras, etc.", "Depois nada."]
    assert (locale.opening("Os Lusíadas", "Luís de Camões"), locale.closing("Os Lusíadas")) == (
        "Os Lusíadas, de Luís de Camões.", "Fim dos Lusíadas.")
    assert locale.opening("Os Lusíadas", "") == "Os Lusíadas."
    prose = "Num lugar da Mancha, de cujo nome não quero lembrar-me, vivia um fidalgo dos de lança em cabido. " * 5
    text = f"CAPÍTULO PRIMEIRO\n\n{prose}\n\nCapítulo II. Da primeira saída\n\n{prose.replace('fidalgo', 'cavaleiro')}"
    edition = structure(Source(name="q", text=text), locale=locale)
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("Capítulo Primeiro", "Capítulo primeiro"),
        ("Capítulo II: Da primeira saída", "Capítulo dois. Da primeira saída")]
    assert [locale.heading_number(w) for w in ("primeira", "Segundo", "doze", "XII", "7", "duodécimo")] == [
        1, 2, 12, 12, 7, 12]


PORTUGUESE_WORDS = st.sampled_from("O a de maio janeiro euros as página número e em Sr. Dra. D. João V. Ex.ª etc. a.C. "
                                   "século XIX VI 1.º 3.ª 1º % € R$ , . – 25 1958 5,50 3,5 1.000 1 000 17:30 17h30 8h "
                                   "12 007 21 2 casas livros km kg °C 25/04/1974 -5".split())
# Portuguese words that are spelt as English ones are.
_PORTUGUESE_AS_ENGLISH = {"a", "as", "do", "no", "real", "volume", "zero", "professor"}


@settings(max_examples=300, deadline=None)
@given(st.lists(PORTUGUESE_WORDS, min_size=1, max_size=25))
def test_no_digit_and_no_english_word_reaches_a_portuguese_voice(pieces):
    text = " ".join(pieces)
    said = Portuguese().speakable(text)
    assert not any(c.isdigit() for c in said), said
    added = {w.strip(".,").lower() for w in said.split()} - {w.strip(".,").lower() for w in text.split()}
    english = {w for w in added if w in COMMON_WORDS} - _PORTUGUESE_AS_ENGLISH
    assert not english, (text, said, english)
