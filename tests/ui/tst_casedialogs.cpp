// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The case dialogs protect the record: the cursor starts in the first text field, so typing never
// changes a choice; an empty form stays open on Enter and on accept(), says what is missing next to
// the field and keeps its default button off until it is valid; "Other" needs its words; the wheel
// over a choice that does not have the focus leaves it alone.

#include "casedialogs.h"
#include "purposemodel.h"
#include "purposes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QWheelEvent>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
QPushButton *okOf(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

bool shown(QDialog &dialog)
{
    dialog.show();
    dialog.activateWindow();
    return QTest::qWaitForWindowActive(&dialog);
}

// A wheel turn over widget, which does not have the focus.
void wheel(QWidget *widget)
{
    const QPointF at(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &event);
}
} // namespace

class TestCaseDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEmptyContactStaysOpen()
    {
        ContactMoment draft;
        draft.channel = Channel::Phone;
        ContactDialog dialog(draft);
        QVERIFY(shown(dialog));
        QLabel *problem = dialog.findChild<QLabel *>(u"ContactProblem"_s);
        QVERIFY(problem);
        QVERIFY(problem->isVisible());
        QVERIFY(!okOf(dialog)->isEnabled());
        // The cursor is in the subject: what the agent types is the subject, the channel stays.
        QCOMPARE(QApplication::focusWidget(), dialog.subject());
        QTest::keyClick(&dialog, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QTest::keyClicks(QApplication::focusWidget(), u"App"_s);
        QCOMPARE(dialog.subject()->text(), u"App"_s);
        QCOMPARE(Channel(dialog.channel()->currentData().toInt()), Channel::Phone);
        QVERIFY(!problem->isVisible());
        QVERIFY(okOf(dialog)->isEnabled());
        // Spaces are no subject.
        dialog.subject()->setText(u"   "_s);
        QVERIFY(!okOf(dialog)->isEnabled());
        QVERIFY(problem->isVisible());
        dialog.subject()->setText(u"Afvalkalender"_s);
        QTest::keyClick(dialog.subject(), Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.contact().subject, u"Afvalkalender"_s);
        QCOMPARE(dialog.contact().channel, Channel::Phone);
    }

    void theWheelLeavesAnUnfocusedChoiceAlone()
    {
        ContactMoment draft;
        draft.channel = Channel::Counter;
        ContactDialog dialog(draft);
        QVERIFY(shown(dialog));
        QVERIFY(!dialog.channel()->hasFocus());
        wheel(dialog.channel());
        QCOMPARE(Channel(dialog.channel()->currentData().toInt()), Channel::Counter);
        dialog.channel()->setFocus();
        QVERIFY(dialog.channel()->hasFocus());
        wheel(dialog.channel());
        QVERIFY(Channel(dialog.channel()->currentData().toInt()) != Channel::Counter);
    }

    void anEmptyRequestStaysOpen()
    {
        const QDateTime now(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
        RequestDialog dialog(now, 30, {{AssigneeKind::Team, u"Mobiliteit"_s}});
        QVERIFY(shown(dialog));
        QLabel *problem = dialog.findChild<QLabel *>(u"RequestProblem"_s);
        QVERIFY(problem && problem->isVisible());
        QVERIFY(!okOf(dialog)->isEnabled());
        QCOMPARE(QApplication::focusWidget(), dialog.question());
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(QApplication::focusWidget(), u"Tweede bewonerskaart?"_s);
        QCOMPARE(dialog.question()->toPlainText(), u"Tweede bewonerskaart?"_s);
        QCOMPARE(AssigneeKind(dialog.assigneeKind()->currentData().toInt()), AssigneeKind::Team);
        QVERIFY(!problem->isVisible());
        QVERIFY(okOf(dialog)->isEnabled());
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.request().question, u"Tweede bewonerskaart?"_s);
    }

    void otherNeedsItsWords()
    {
        PurposeModel purposes;
        purposes.setChoices(standardPurposes());
        PurposeDialog dialog(&purposes, u"Lotte Claes"_s, u"phone_call"_s);
        QVERIFY(shown(dialog));
        QLabel *problem = dialog.findChild<QLabel *>(u"PurposeProblem"_s);
        QVERIFY(problem);
        QCOMPARE(dialog.purpose().code, u"phone_call"_s); // the preferred one
        PurposeDialog none(&purposes, u"Lotte Claes"_s, QString());
        QCOMPARE(none.purpose().code, QString()); // nothing preferred: nothing chosen, and no way on
        QVERIFY(!none.isValid());
        dialog.choices()->setCurrentIndex(dialog.choices()->findData(u"counter_visit"_s, PurposeModel::CodeRole));
        QVERIFY(okOf(dialog)->isEnabled());
        QVERIFY(!problem->isVisible());
        dialog.choices()->setCurrentIndex(dialog.choices()->findData(u"other"_s, PurposeModel::CodeRole));
        QVERIFY(!okOf(dialog)->isEnabled());
        QVERIFY(problem->isVisible());
        dialog.accept();
        QVERIFY(dialog.isVisible());
        dialog.note()->setText(u"  "_s);
        QVERIFY(!dialog.isValid());
        dialog.note()->setText(u"Nazicht adres voor verkiezingen"_s);
        QVERIFY(dialog.isValid());
        QVERIFY(okOf(dialog)->isEnabled());
        QVERIFY(!problem->isVisible());
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.purpose().code, u"other"_s);
        QCOMPARE(dialog.purpose().text, u"Nazicht adres voor verkiezingen"_s);
    }
};

QTEST_MAIN(TestCaseDialogs)
#include "tst_casedialogs.moc"
