import Foundation

/// Statuspage `component` objects. Config groups become group components (`group: true`, `components` =
/// child ids), as Statuspage publishes them; each child names its group in `group_id`. Order: config order,
/// each group at the place of its first member, followed by its members; `position` counts from 1.
struct StatuspageComponents {
    let model: SiteModel
    let pageID: String

    /// Component id → component object, for incidents' `components` lists.
    let byID: [String: JSONValue]
    /// In publication order.
    let all: [JSONValue]

    init(model: SiteModel, pageID: String) {
        self.model = model
        self.pageID = pageID
        let componentIDs = Set(model.components.map(\.id))
        // A group whose id is also a component id gets a prefix, so ids stay unique within the page.
        let groupIDs = Dictionary(uniqueKeysWithValues: model.groups.map { group in
            (group.id, componentIDs.contains(group.id) ? "group-\(group.id)" : group.id)
        })
        var all: [JSONValue] = []
        var byID: [String: JSONValue] = [:]
        var emittedGroups: Set<String> = []
        for component in model.components {
            if let groupID = component.groupID, let group = model.group(groupID), let publicGroupID = groupIDs[groupID] {
                guard !emittedGroups.contains(groupID) else { continue }
                emittedGroups.insert(groupID)
                let members = model.components.filter { $0.groupID == groupID }
                all.append(Self.groupObject(group, id: publicGroupID, members: members, position: all.count + 1,
                                            pageID: pageID, generatedAt: model.generatedAt))
                for member in members {
                    let object = Self.object(member, groupID: publicGroupID, position: all.count + 1,
                                             pageID: pageID, generatedAt: model.generatedAt)
                    all.append(object)
                    byID[member.id] = object
                }
            } else {
                let object = Self.object(component, groupID: nil, position: all.count + 1,
                                         pageID: pageID, generatedAt: model.generatedAt)
                all.append(object)
                byID[component.id] = object
            }
        }
        self.all = all
        self.byID = byID
    }

    /// Statuspage's `created_at` is when the component was added; ours is its first stored result.
    static func createdAt(_ component: ComponentModel, generatedAt: Date) -> Date {
        component.firstSeenAt ?? component.lastResultAt ?? generatedAt
    }

    static func updatedAt(_ component: ComponentModel, generatedAt: Date) -> Date {
        component.lastResultAt ?? createdAt(component, generatedAt: generatedAt)
    }

    /// A stale component keeps the model's status: Statuspage's enum has no "no recent data".
    static func object(_ component: ComponentModel, groupID: String?, position: Int, pageID: String,
                       generatedAt: Date) -> JSONValue {
        let created = createdAt(component, generatedAt: generatedAt)
        return .object([
            "id": .string(component.id),
            "name": .string(component.name),
            "status": .string(component.status.rawValue),
            "created_at": .time(created),
            "updated_at": .time(updatedAt(component, generatedAt: generatedAt)),
            "position": .int(position),
            "description": .string(component.description),
            "showcase": .bool(true),
            "start_date": .string(StatuspageDate.day(created)),
            "group_id": .string(groupID),
            "page_id": .string(pageID),
            "group": .bool(false),
            "only_show_if_degraded": .bool(false),
        ])
    }

    static func groupObject(_ group: GroupModel, id: String, members: [ComponentModel], position: Int,
                            pageID: String, generatedAt: Date) -> JSONValue {
        let created = members.map { createdAt($0, generatedAt: generatedAt) }.min() ?? generatedAt
        let updated = members.map { updatedAt($0, generatedAt: generatedAt) }.max() ?? created
        return .object([
            "id": .string(id),
            "name": .string(group.name),
            "status": .string(group.status.rawValue),
            "created_at": .time(created),
            "updated_at": .time(updated),
            "position": .int(position),
            "description": .null,
            "showcase": .bool(false),
            "start_date": .null,
            "group_id": .null,
            "page_id": .string(pageID),
            "group": .bool(true),
            "only_show_if_degraded": .bool(false),
            "components": .array(members.map { .string($0.id) }),
        ])
    }
}

/// Statuspage's `start_date` is a calendar date (`YYYY-MM-DD`, UTC here).
enum StatuspageDate {
    static func day(_ date: Date) -> String { String(Timestamp.json(date).prefix(10)) }
}
