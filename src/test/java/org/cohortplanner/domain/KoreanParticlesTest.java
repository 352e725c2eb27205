package org.cohortplanner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanParticlesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "코호트을(를) 나눕니다|코호트를 나눕니다",
        "입고을(를) 늦춥니다|입고를 늦춥니다",
        "접종기관 그룹이(가) 없습니다|접종기관 그룹이 없습니다",
        "서울(으)로 보냅니다|서울로 보냅니다",
        "인천(으)로 보냅니다|인천으로 보냅니다",
        "부산(으)로 보냅니다|부산으로 보냅니다",
        "대구(으)로 보냅니다|대구로 보냅니다",
        "규칙 a과(와) 겹칩니다|규칙 a와 겹칩니다",
        "규칙 서울과(와) 겹칩니다|규칙 서울과 겹칩니다",
        "Moderna을(를) 접종합니다|Moderna를 접종합니다",
        "Pfizer을(를) 접종합니다|Pfizer를 접종합니다",
        "Janssen을(를) 접종합니다|Janssen을 접종합니다",
        "AstraZeneca은(는) 50세 이상용|AstraZeneca는 50세 이상용",
        "AZ은(는) 50세 이상용|AZ는 50세 이상용",
        "출생연도 1958–1961이(가) 없습니다|출생연도 1958–1961이 없습니다",
        "출생연도 1962이(가) 없습니다|출생연도 1962가 없습니다",
        "출생연도 1960이(가) 없습니다|출생연도 1960이 없습니다",
        "1,000이(가) 넘습니다|1,000가 넘습니다",
        "100이(가) 넘습니다|100이 넘습니다",
        "3(으)로 나눕니다|3으로 나눕니다",
        "7(으)로 나눕니다|7로 나눕니다",
        "2(으)로 나눕니다|2로 나눕니다",
        "코호트 55–59(다시 예약)을(를) 엽니다|코호트 55–59(다시 예약)를 엽니다",
        "\"조기 접종\"을(를) 둡니다|\"조기 접종\"을 둡니다",
        "80 %이(가) 아닙니다|80 %가 아닙니다",
        "괄호(주석)만 있는 글|괄호(주석)만 있는 글"
    })
    void keepsTheFormThatFitsTheWordBefore(String pattern, String expected) {
        assertEquals(expected, KoreanParticles.resolve(pattern));
    }
}
