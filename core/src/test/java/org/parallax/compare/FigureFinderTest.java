package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Span;

class FigureFinderTest {
    private static List<Figure> find(String sentence) {
        return FigureFinder.find("a", sentence, new Span(0, sentence.length()));
    }

    private static Figure only(String sentence) {
        List<Figure> f = find(sentence);
        assertThat(f).as(sentence).hasSize(1);
        return f.get(0);
    }

    @Test
    void qualifiersBoundTheValue() {
        Figure some = only("They have some 1,500 fighters there.");
        assertThat(some.text()).isEqualTo("some 1,500 fighters");
        assertThat(some.low()).isEqualTo(1500.0);
        assertThat(some.high()).isEqualTo(1500.0);
        assertThat(some.approximate()).isTrue();
        assertThat(some.unit()).isEqualTo("fighter");

        Figure more = only("More than 400 people were killed.");
        assertThat(more.low()).isEqualTo(400.0);
        assertThat(more.high()).isNull();
        assertThat(more.unit()).isEqualTo("people");

        Figure upTo = only("Other groups have up to 6,000 men.");
        assertThat(upTo.low()).isNull();
        assertThat(upTo.high()).isEqualTo(6000.0);

        Figure orMore = only("Donors gave $3 million or more.");
        assertThat(orMore.low()).isEqualTo(3e6);
        assertThat(orMore.high()).isNull();
        assertThat(orMore.unit()).isEqualTo("USD");
    }

    @Test
    void rangesInEveryForm() {
        assertThat(only("It killed between 400 and 500 people.")).extracting(Figure::low, Figure::high, Figure::unit)
                .containsExactly(400.0, 500.0, "people");
        assertThat(only("Rates ranged from 5 percent to 25 percent.")).extracting(Figure::low, Figure::high, Figure::unit)
                .containsExactly(5.0, 25.0, "percent");
        assertThat(only("It lasted two or three days.")).extracting(Figure::low, Figure::high, Figure::unit)
                .containsExactly(2.0, 3.0, "day");
        assertThat(only("Bonuses were $500 to $2,000.")).extracting(Figure::low, Figure::high)
                .containsExactly(500.0, 2000.0);
    }

    @Test
    void writtenScaledVagueAndProportionalAmounts() {
        assertThat(only("Two hundred and fifty soldiers arrived.").low()).isEqualTo(250.0);
        assertThat(only("The city's 1.75 million residents wait.").low()).isEqualTo(1.75e6);
        assertThat(only("They raised $4.5bn in a year.").low()).isEqualTo(4.5e9);
        Figure vague = only("Tens of thousands of people fled.");
        // At least two tens of thousands, open above: shown as written.
        assertThat(vague.low()).isEqualTo(20_000.0);
        assertThat(vague.high()).isNull();
        assertThat(vague.text()).isEqualTo("Tens of thousands of people");
        assertThat(vague.approximate()).isTrue();
        assertThat(vague.unit()).isEqualTo("people");
        assertThat(only("One in five adults agreed.")).extracting(Figure::low, Figure::unit).containsExactly(20.0, "percent");
        assertThat(only("Eight of 10 voters will watch.")).extracting(Figure::low, Figure::unit)
                .containsExactly(80.0, "percent");
        assertThat(only("Two-thirds of members agreed.").low()).isBetween(66.6, 66.7);
        assertThat(only("The rescue took seven and a half hours.").low()).isEqualTo(7.5);
        assertThat(only("A 34-year-old man was hurt.")).extracting(Figure::low, Figure::unit)
                .containsExactly(34.0, "year-old");
        assertThat(only("A five-year plan was agreed.")).extracting(Figure::low, Figure::unit)
                .containsExactly(5.0, "year");
    }

    @Test
    void datesYearsTimesNamesAndPronounsAreNotFigures() {
        assertThat(find("On March 3, 2019, at 10:30 a.m., the council met for the 12th time.")).isEmpty();
        assertThat(find("The vote was held in 2016 and again in 1998.")).isEmpty();
        assertThat(find("Resolution 2254 was adopted; Flight 370 vanished.")).isEmpty();
        assertThat(find("Call 800-273-8255 for help.")).isEmpty();
        assertThat(find("One of the ministers resigned, and no one replaced him.")).isEmpty();
        assertThat(find("She spent one day in Paris.")).isEmpty();
        assertThat(find("A 911 dispatcher took the call at 3: 45 p. m. on 09 / 10 / 10.")).isEmpty();
        assertThat(find("In 2015 dollars, that is a lot.")).isEmpty();
        assertThat(find("It was stage two of the plan.")).isEmpty();
    }

    @Test
    void anElidedCountTakesTheUnitOfTheFigureBeforeIt() {
        List<Figure> f = find("Activists documented 86 people killed, including 35 in the province and 21 near the capital.");
        assertThat(f).extracting(Figure::low).containsExactly(86.0, 35.0, 21.0);
        assertThat(f).extracting(Figure::unit).containsOnly("people");
    }

    @Test
    void detokenisedNumbersAreRead() {
        assertThat(only("They built 5, 000 homes.").low()).isEqualTo(5000.0);
        assertThat(only("The quake measured 6. 4 on the scale.").low()).isEqualTo(6.4);
        assertThat(only("A 16 - year - old boy was shot.")).extracting(Figure::low, Figure::unit)
                .containsExactly(16.0, "year-old");
    }

    @Test
    void offsetsPointAtTheFigure() {
        String s = "Officials said that more than 400 people died.";
        Figure f = only(s);
        assertThat(s.substring(f.start(), f.end())).isEqualTo("more than 400 people");
    }
}
