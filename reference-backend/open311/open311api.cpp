// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Open311 GeoReport v2 routes: services, service definitions and POST of a service request
// here; GET of service requests in open311requests.cpp.
//
// Choices where the spec leaves room:
// - Every service type is "realtime": POST answers with service_request_id, never a token, so the
//   tokens resource is not served.
// - POST: a missing or wrong api_key is 403 (before anything else), a missing service_code 400, an
//   unknown one 404 (the spec's "Possible Errors" for POST); every other problem is a 400, all of
//   them in one error array. address_id alone is refused: no master address repository here.
// - account_id is echoed when given; the JSON leaves it out otherwise (the swagger's RequestResponse
//   has no null), the XML writes <account_id/> as the fixture does.

#include "open311/open311api.h"

#include "open311/open311requests.h"
#include "open311/open311services.h"
#include "open311/open311state.h"
#include "open311/open311tree.h"
#include "population/dataset.h"
#include "server/refserver.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include <cmath>
#include <memory>

namespace C360::Ref
{

using namespace Open311;

namespace
{
const QString Base = QStringLiteral("/open311/v2/");
const QString FormatPattern = QStringLiteral("\\.(json|xml)");

Node serviceNode(const ServiceType &service)
{
    return Node::object(QStringLiteral("service"),
                        {
                            Node::text(QStringLiteral("service_code"), service.code),
                            Node::text(QStringLiteral("service_name"), service.name),
                            Node::text(QStringLiteral("description"), service.description),
                            Node::boolean(QStringLiteral("metadata"), !attributesFor(service).isEmpty()),
                            Node::text(QStringLiteral("type"), QStringLiteral("realtime")),
                            Node::text(QStringLiteral("keywords"), service.keywords.join(QStringLiteral(", "))),
                            Node::text(QStringLiteral("group"), service.group),
                        });
}

Node definitionNode(const ServiceType &service)
{
    Node attributes = Node::list(QStringLiteral("attributes"));
    for (const Attribute &a : attributesFor(service)) {
        QList<Node> fields{
            Node::boolean(QStringLiteral("variable"), a.variable),
            Node::text(QStringLiteral("code"), a.code),
            Node::text(QStringLiteral("datatype"), a.datatype),
            Node::boolean(QStringLiteral("required"), a.required),
            Node::text(QStringLiteral("datatype_description"), a.datatypeDescription),
            Node::number(QStringLiteral("order"), a.order),
            Node::text(QStringLiteral("description"), a.description),
        };
        if (!a.values.isEmpty()) {
            Node values = Node::list(QStringLiteral("values"));
            for (const AttributeValue &v : a.values) {
                values.append(Node::object(QStringLiteral("value"), {Node::text(QStringLiteral("key"), v.key), Node::text(QStringLiteral("name"), v.name)}));
            }
            fields.append(values);
        }
        attributes.append(Node::object(QStringLiteral("attribute"), fields));
    }
    return Node::object(QStringLiteral("service_definition"), {Node::text(QStringLiteral("service_code"), service.code), attributes});
}

const ServiceType *findService(const DataSet &data, const QString &code)
{
    for (const ServiceType &s : data.services()) {
        if (s.code == code) {
            return &s;
        }
    }
    return nullptr;
}

// A POST body as the spec sends it (application/x-www-form-urlencoded, where + is a space), then
// the query string: api_key may come either way.
class Form
{
public:
    explicit Form(const HttpRequest &request)
    {
        QByteArray body = request.body;
        body.replace('+', "%20");
        m_items = QUrlQuery(QString::fromUtf8(body)).queryItems(QUrl::FullyDecoded);
        m_items.append(request.query.queryItems(QUrl::FullyDecoded));
    }

    // The first non-empty value: an empty optional argument is an absent one.
    QString value(const QString &name) const
    {
        for (const auto &[key, value] : m_items) {
            if (key == name && !value.trimmed().isEmpty()) {
                return value.trimmed();
            }
        }
        return {};
    }

    // attribute[CODE]=v and attribute[CODE][]=v1&attribute[CODE][]=v2 (multivaluelist).
    QHash<QString, QStringList> attributes() const
    {
        static const QRegularExpression pattern(QStringLiteral("^attribute\\[([^\\]]+)\\](\\[\\])?$"));
        QHash<QString, QStringList> result;
        for (const auto &[key, value] : m_items) {
            const QRegularExpressionMatch match = pattern.match(key);
            if (match.hasMatch() && !value.trimmed().isEmpty()) {
                result[match.captured(1)].append(value.trimmed());
            }
        }
        return result;
    }

private:
    QList<std::pair<QString, QString>> m_items;
};

void checkAttributes(const ServiceType &service, const QHash<QString, QStringList> &given, QList<Problem> *problems)
{
    const QList<Attribute> attributes = attributesFor(service);
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        const auto known = std::find_if(attributes.cbegin(), attributes.cend(), [&it](const Attribute &a) {
            return a.variable && a.code == it.key();
        });
        if (known == attributes.cend()) {
            problems->append({400, QStringLiteral("attribute[%1] is not asked by service_code %2.").arg(it.key(), service.code)});
            continue;
        }
        const QStringList &values = it.value();
        if (known->datatype != QLatin1String("multivaluelist") && values.size() > 1) {
            problems->append({400, QStringLiteral("attribute[%1] takes one value.").arg(it.key())});
        }
        for (const QString &v : values) {
            bool ok = true;
            if (known->datatype.endsWith(QLatin1String("valuelist"))) {
                ok = std::any_of(known->values.cbegin(), known->values.cend(), [&v](const AttributeValue &a) {
                    return a.key == v;
                });
            } else if (known->datatype == QLatin1String("number")) {
                v.toDouble(&ok);
            } else if (known->datatype == QLatin1String("datetime")) {
                ok = QDateTime::fromString(v, Qt::ISODateWithMs).isValid();
            }
            if (!ok) {
                problems->append({400, QStringLiteral("attribute[%1]: \"%2\" is not a valid %3.").arg(it.key(), v, known->datatype)});
            }
        }
    }
    for (const Attribute &a : attributes) {
        if (a.variable && a.required && !given.contains(a.code)) {
            problems->append({400, QStringLiteral("attribute[%1] is required for service_code %2.").arg(a.code, service.code)});
        }
    }
}

HttpReply postRequest(State &state, const HttpRequest &request, Format format)
{
    const Form form(request);
    const QString key = form.value(QStringLiteral("api_key"));
    if (key.isEmpty()) {
        return errorReply(format, 403, QStringLiteral("Missing api_key -- can't proceed with create_request."));
    }
    if (!state.keyIsValid(key)) {
        return errorReply(format, 403, QStringLiteral("Invalid api_key received -- can't proceed with create_request."));
    }
    const QString code = form.value(QStringLiteral("service_code"));
    if (code.isEmpty()) {
        return errorReply(format, 400, QStringLiteral("service_code was not provided."));
    }
    const ServiceType *service = findService(state.data, code);
    if (!service) {
        return errorReply(format, 404, QStringLiteral("service_code %1 not found.").arg(code));
    }

    QList<Problem> problems;
    ReportRecord report;
    report.service = int(service - state.data.services().constData());
    report.anonymous = true; // the reporter, if named, is no citizen of the data set: see State::reporters
    report.latitude = qQNaN();
    report.longitude = qQNaN();
    const QString lat = form.value(QStringLiteral("lat"));
    const QString lon = form.value(QStringLiteral("long"));
    const QString address = form.value(QStringLiteral("address_string"));
    if (!lat.isEmpty() || !lon.isEmpty()) {
        bool latOk = false;
        bool lonOk = false;
        report.latitude = lat.toDouble(&latOk);
        report.longitude = lon.toDouble(&lonOk);
        if (!latOk || !lonOk || std::abs(report.latitude) > 90 || std::abs(report.longitude) > 180) {
            problems.append({400, QStringLiteral("lat and long must both be given, as WGS84 degrees.")});
        }
    } else if (address.isEmpty()) {
        problems.append({400,
                         form.value(QStringLiteral("address_id")).isEmpty()
                             ? QStringLiteral("A location is required: lat and long, or address_string.")
                             : QStringLiteral("address_id is not known here (no master address repository): give lat and long, or address_string.")});
    }
    report.street = address;
    report.description = form.value(QStringLiteral("description"));
    if (report.description.size() > 4000) {
        problems.append({400, QStringLiteral("description is limited to 4,000 characters.")});
    }
    SubmittedReporter reporter{form.value(QStringLiteral("first_name")),
                               form.value(QStringLiteral("last_name")),
                               form.value(QStringLiteral("email")),
                               form.value(QStringLiteral("phone")),
                               form.value(QStringLiteral("account_id"))};
    if (!reporter.email.isEmpty() && !reporter.email.contains(QLatin1Char('@'))) {
        problems.append({400, QStringLiteral("email is not an e-mail address.")});
    }
    checkAttributes(*service, form.attributes(), &problems);
    if (!problems.isEmpty()) {
        return errorReply(format, 400, problems);
    }

    report.reporterByEmail = !reporter.email.isEmpty();
    const quint64 index = state.data.addReport(report);
    state.reporters.insert(index, reporter);
    QList<Node> fields{Node::text(QStringLiteral("service_request_id"), requestId(index)),
                       Node::text(QStringLiteral("service_notice"), serviceNoticeFor(*service))};
    if (!reporter.accountId.isEmpty() || format == Format::Xml) {
        fields.append(Node::optionalText(QStringLiteral("account_id"), reporter.accountId));
    }
    return documentReply(format, Node::list(QStringLiteral("service_requests"), {Node::object(QStringLiteral("request"), fields)}));
}
} // namespace

void installOpen311Api(RefServer &server, DataSet &data, const QString &apiKey)
{
    auto state = std::make_shared<State>(data, apiKey);
    // Every GET answer carries an ETag and honours If-None-Match; jurisdiction_id is accepted and
    // ignored everywhere (one jurisdiction per server).
    auto get = [&server](const QString &path, std::function<HttpReply(const HttpRequest &, Format)> handler) {
        server.route("GET", Base + path + FormatPattern, [handler](const HttpRequest &request) {
            const Format format = formatFromExtension(request.match.captured(request.match.lastCapturedIndex()));
            return withEntityTag(request, handler(request, format));
        });
    };

    get(QStringLiteral("services"), [state](const HttpRequest &, Format format) {
        Node services = Node::list(QStringLiteral("services"));
        for (const ServiceType &s : state->data.services()) {
            services.append(serviceNode(s));
        }
        return documentReply(format, services);
    });
    get(QStringLiteral("services/([^/]+)"), [state](const HttpRequest &request, Format format) {
        const QString code = request.match.captured(1);
        const ServiceType *service = findService(state->data, code);
        return service ? documentReply(format, definitionNode(*service)) : errorReply(format, 404, QStringLiteral("service_code %1 not found.").arg(code));
    });
    get(QStringLiteral("requests"), [state](const HttpRequest &request, Format format) {
        return listRequests(*state, request, format);
    });
    get(QStringLiteral("requests/([^/]+)"), [state](const HttpRequest &request, Format format) {
        return oneRequest(*state, request, format, request.match.captured(1));
    });
    server.route("POST", Base + QStringLiteral("requests") + FormatPattern, server.idempotent([state](const HttpRequest &request) {
        return postRequest(*state, request, formatFromExtension(request.match.captured(1)));
    }));

    // Anything else under the base: the spec's 404 body rather than the server's generic one.
    for (const char *method : {"GET", "POST"}) {
        server.route(method, Base + QStringLiteral(".*"), [](const HttpRequest &request) {
            return errorReply(
                request.path.endsWith(QLatin1String(".xml")) ? Format::Xml : Format::Json, 404, QStringLiteral("No such resource: %1.").arg(request.path));
        });
    }
}

} // namespace C360::Ref
