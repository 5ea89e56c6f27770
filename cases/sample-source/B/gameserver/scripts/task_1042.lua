-- Task: slay the red dragon of the northern pass
local Task = {}
Task.id = 1042
Task.name = "赤龙之患"
Task.min_level = 45

function Task.on_accept(p)
  p:say("北方山口的赤龙又开始袭击商队了。")
  p:add_flag("dragon_quest_started")
end

function Task.on_kill(p, m)
  if m.template_id == 8801 and p:has_flag("dragon_quest_started") then
    p:add_item(55012, 1)
    p:add_exp(Task.min_level * 1200)
    p:say("你斩杀了赤龙，带着龙鳞回去复命吧。")
  end
end

return Task
