package ru.spb.feedback.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.spb.feedback.contracts.AppealAction.Actor.CITIZEN;
import static ru.spb.feedback.contracts.AppealAction.Actor.MODERATOR;
import static ru.spb.feedback.contracts.AppealAction.Actor.OFFICER;
import static ru.spb.feedback.contracts.AppealAction.Actor.SYSTEM;

class AppealActionTest {

    @Test
    void theHappyPathIsAllowed() {
        AppealStatus status = AppealStatus.REGISTERED;
        for (AppealAction step : new AppealAction[]{AppealAction.ROUTE, AppealAction.ACCEPT, AppealAction.ANSWER,
                AppealAction.REOPEN, AppealAction.ACCEPT, AppealAction.ANSWER, AppealAction.CLOSE_SATISFIED}) {
            status = step.target(status);
        }
        assertThat(status).isEqualTo(AppealStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(AppealAction.class)
    void nothingLeavesAFinishedAppeal(AppealAction action) {
        for (AppealStatus finished : EnumSet.of(AppealStatus.CLOSED, AppealStatus.REJECTED, AppealStatus.WITHDRAWN)) {
            assertThat(finished.isFinished()).isTrue();
            assertThat(action.allowedFrom(finished)).isFalse();
            assertThatThrownBy(() -> action.target(finished)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(finished.name());
        }
    }

    @Test
    void withdrawingIsOnlyPossibleWithoutAnAnswer() {
        assertThat(AppealAction.WITHDRAW.allowedFrom(AppealStatus.ANSWERED)).isFalse();
        assertThat(AppealAction.WITHDRAW.allowedFrom(AppealStatus.IN_PROGRESS)).isTrue();
    }

    @Test
    void stepsThatKeepTheStatusReturnIt() {
        assertThat(AppealAction.EXTEND_DEADLINE.changesStatus()).isFalse();
        assertThat(AppealAction.EXTEND_DEADLINE.target(AppealStatus.IN_PROGRESS)).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(AppealAction.MARK_OVERDUE.target(AppealStatus.REOPENED)).isEqualTo(AppealStatus.REOPENED);
        assertThat(AppealAction.SET_DEADLINE.changesStatus()).isFalse();
        assertThat(AppealAction.SET_DEADLINE.target(AppealStatus.REOPENED)).isEqualTo(AppealStatus.REOPENED);
        assertThat(AppealAction.SET_DEADLINE.target(AppealStatus.IN_PROGRESS)).isEqualTo(AppealStatus.IN_PROGRESS);
    }

    @Test
    void onlyRoutingSetsTheDeadlineOfAReopenedAppealAndNotOnceItIsAnsweredAgain() {
        assertThat(AppealAction.SET_DEADLINE.actors()).containsExactly(SYSTEM);
        assertThat(AppealAction.SET_DEADLINE.from()).containsExactlyInAnyOrder(AppealStatus.REOPENED, AppealStatus.IN_PROGRESS);
        assertThat(AppealAction.available(AppealStatus.REOPENED, OFFICER)).doesNotContain(AppealAction.SET_DEADLINE);
    }

    @Test
    void eachActorHasItsOwnSteps() {
        assertThat(AppealAction.available(AppealStatus.ANSWERED, CITIZEN))
                .containsExactlyInAnyOrder(AppealAction.CLOSE_SATISFIED, AppealAction.REOPEN);
        assertThat(AppealAction.available(AppealStatus.ROUTED, OFFICER)).containsExactlyInAnyOrder(
                AppealAction.ACCEPT, AppealAction.ANSWER, AppealAction.DECLINE, AppealAction.CHANGE_CATEGORY,
                AppealAction.EXTEND_DEADLINE);
        assertThat(AppealAction.available(AppealStatus.TRIAGE, MODERATOR))
                .containsExactlyInAnyOrder(AppealAction.REJECT, AppealAction.CHANGE_CATEGORY);
        assertThat(AppealAction.available(AppealStatus.ANSWERED, SYSTEM)).containsExactly(AppealAction.AUTO_CLOSE);
    }

    @Test
    void everyStatusButTheFinalOnesHasAWayOut() {
        for (AppealStatus status : AppealStatus.values()) {
            boolean hasExit = false;
            for (AppealAction action : AppealAction.values()) {
                hasExit |= action.changesStatus() && action.allowedFrom(status);
            }
            assertThat(hasExit).as(status.name()).isEqualTo(!status.isFinished());
        }
    }

    @Test
    void everyEventTypeHasAUniqueName() {
        Set<String> names = new java.util.HashSet<>();
        EventCatalog.all().forEach(type -> assertThat(names.add(EventCatalog.typeOf(type).name())).isTrue());
        assertThat(names).contains("AppealAccepted", "AppealAnswered", "AppealRejected", "AppealReopened", "AppealClosed",
                "AppealWithdrawn", "AppealDeadlineExtended", "AppealOverdue", "AppealCategoryChanged", "AppealRerouteRequested",
                "AppealDeadlineSet", "DeadlineDecided");
    }
}
